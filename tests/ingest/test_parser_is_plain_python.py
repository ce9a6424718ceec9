import subprocess
import sys

from django.conf import settings


def test_the_parser_runs_without_django():
    """Source text in, dataclasses out: the parser can be used and tested on a string alone."""
    script = (
        "import sys\n"
        "from catalogue.ingest import parse_text, load_authority_file\n"
        "v = load_authority_file('fixtures/sources/authorities.yaml')\n"
        "p = parse_text('A Visit\\nIchiro Hatoyama went to Moscow.', v)\n"
        "print([m.key for m in p.mentions])\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'django']\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['person-ichiro-hatoyama', 'place-moscow']"
