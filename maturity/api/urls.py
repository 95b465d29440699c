from django.urls import path

from maturity.api.views import FrameworkDetailApi, FrameworkListApi

urlpatterns = [
    path("frameworks/", FrameworkListApi.as_view(), name="api-framework-list"),
    path("frameworks/<slug:slug>/", FrameworkDetailApi.as_view(), name="api-framework-detail"),
]
