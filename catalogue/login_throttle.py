"""Login throttling (django-axes) for every sign-in made over the web.

Axes refuses an authenticate() call that carries no request, since it counts
failures by address. Only code, never a visitor, signs in that way (a
script, the test client's login()), and there is no address to count, so
such calls pass on to Django's own backend untouched.
"""

from axes.backends import AxesStandaloneBackend


class WebLoginThrottleBackend(AxesStandaloneBackend):
    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
