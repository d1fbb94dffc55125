from django.urls import path

from content.editorial import views

urlpatterns = [
    path("", views.preview, name="content_preview"),
]
