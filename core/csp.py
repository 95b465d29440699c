"""Per-view exceptions to the Content-Security-Policy of settings.CONTENT_SECURITY_POLICY."""

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.decorators import csp_replace

# The standalone report is one HTML file that must open offline, so plotly.js and charts.js are inline
# in it. Its content is escaped by the templates like every page; it loads nothing, posts no form and
# opens no connection, so only inline scripts are added and the rest is narrowed.
allow_inline_scripts = csp_replace(
    {
        "script-src": [SELF, UNSAFE_INLINE],
        "connect-src": [NONE],
        "form-action": [NONE],
    }
)
