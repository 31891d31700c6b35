from django.urls import path

from . import views

urlpatterns = [
    path("hub/", views.hub_index, name="hub_index"),
    path("hub/search/", views.hub_search, name="hub_search"),
    path("hub/unverified/", views.unverified_list, name="hub_unverified"),
    path("hub/libraries/<slug:library_slug>/", views.library_detail, name="hub_library"),
    path("hub/types/<slug:item_type>/", views.type_list, name="hub_type"),
    path("hub/items/<str:item_key>/", views.item_detail, name="hub_item"),
    path("hub/roles/<slug:role>/", views.role_detail, name="hub_role"),
]
