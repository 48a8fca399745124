from django.http import HttpResponse


def statement_list(request):
    return HttpResponse("")


def statement_detail(request, pk):
    return HttpResponse("")


def article_detail(request, slug):
    return HttpResponse("")


def actor_detail(request, slug):
    return HttpResponse("")


def channel_detail(request, slug):
    return HttpResponse("")
