from django.contrib.syndication.views import Feed


class StatementFeed(Feed):
    title = "Parley statements"
    link = "/"

    def items(self):
        return []


class ActorFeed(StatementFeed):
    def get_object(self, request, slug):
        return slug
