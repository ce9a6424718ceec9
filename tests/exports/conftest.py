from tests.oai.conftest import holdings  # noqa: F401
