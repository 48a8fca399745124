from django.http import HttpResponse


def article_list(request):
    return HttpResponse("")


def article_detail(request, slug):
    return HttpResponse("")
