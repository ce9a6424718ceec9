# Staff preview as on the pages; API clients with roles; a fresh throttle count.
from tests.api.conftest import _fresh_throttle_counts, anon, archivist, editor, reader  # noqa: F401
from tests.pages.conftest import staff_client  # noqa: F401
