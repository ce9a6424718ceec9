"""The archivists' admin: one module per record family, shared behaviour in
mixins, forms, filters, history and the import/export resources."""

from django.contrib import admin

from . import (  # noqa: F401  (registers the admins)
    articles,
    authorities,
    citations,
    claims,
    documents,
    holdings,
)

admin.site.site_header = "Archival catalogue"
admin.site.site_title = "Archival catalogue admin"
admin.site.index_title = "Catalogue administration"
