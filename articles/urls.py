from django.urls import path

from articles import views

urlpatterns = [
    path("", views.statement_list, name="statement_list"),
    path("statements/<int:pk>/", views.statement_detail, name="statement_detail"),
    path("articles/<slug:slug>/", views.article_detail, name="article_detail"),
    path("actors/<slug:slug>/", views.actor_detail, name="actor_detail"),
    path("channels/<slug:slug>/", views.channel_detail, name="channel_detail"),
]
