from django.urls import path

from content import views

urlpatterns = [
    path("", views.preview, name="content_preview"),
]
