from django.contrib.auth.decorators import login_required
from django.http import HttpResponse


@login_required
def organisation_list(request):
    return HttpResponse("organisations")


@login_required
def person_list(request):
    return HttpResponse("people")


@login_required
def issue_area_list(request):
    return HttpResponse("issues")
