from django.http import HttpResponse


def channel_list(request):
    return HttpResponse("")


def channel_detail(request, slug):
    return HttpResponse("")
