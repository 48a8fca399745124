from django.urls import path

from articles import feeds
from articles.views import actors, articles, channels, statements

urlpatterns = [
    path("", statements.statement_list, name="statement_list"),
    path("statements.csv", statements.statement_export_csv, name="statement_export_csv"),
    path("statements.json", statements.statement_export_json, name="statement_export_json"),
    path("statements/<int:pk>/", statements.statement_detail, name="statement_detail"),
    path("feed/", feeds.StatementFeed(), name="statement_feed"),
    path("actors/", actors.actor_list, name="actor_list"),
    path("actors/<slug:slug>/", actors.actor_detail, name="actor_detail"),
    path("actors/<slug:slug>/feed/", feeds.ActorFeed(), name="actor_feed"),
    path("articles/", articles.article_list, name="article_list"),
    path("articles/<slug:slug>/", articles.article_detail, name="article_detail"),
    path("channels/", channels.channel_list, name="channel_list"),
    path("channels/<slug:slug>/", channels.channel_detail, name="channel_detail"),
]
