# Each case reads thirty-odd API addresses: the API tests' fresh throttle count
# keeps one case from throttling the next; staff preview as on the pages.
from tests.api.conftest import _fresh_throttle_counts  # noqa: F401
from tests.pages.conftest import staff_client  # noqa: F401
