"""The site's URLs and one view that fails, for the 500 page's tests."""

from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def failing_view(request):
    raise RuntimeError("the view failed")


urlpatterns = [*site_urlpatterns, path("failing/", failing_view)]
