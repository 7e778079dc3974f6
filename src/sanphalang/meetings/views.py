from django.contrib.auth.decorators import login_required
from django.http import HttpResponse


@login_required
def meeting_list(request):
    return HttpResponse("meetings")


@login_required
def action_item_list(request):
    return HttpResponse("actions")
