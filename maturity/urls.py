from django.urls import path

from maturity import views

urlpatterns = [
    path("frameworks/", views.framework_home, name="framework_home"),
    path("frameworks/<slug:slug>/", views.framework_detail, name="framework_detail"),
    path("frameworks/<slug:slug>/sources/", views.framework_sources, name="framework_sources"),
]
