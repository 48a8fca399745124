from django.http import HttpResponse


def actor_list(request):
    return HttpResponse("")


def actor_detail(request, slug):
    return HttpResponse("")
