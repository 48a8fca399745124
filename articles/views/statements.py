from django.http import HttpResponse


def statement_list(request):
    return HttpResponse("Parley")


def statement_export_csv(request):
    return HttpResponse("")


def statement_export_json(request):
    return HttpResponse("{}")


def statement_detail(request, pk):
    return HttpResponse("")
