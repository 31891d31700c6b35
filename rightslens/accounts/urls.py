from django.contrib.auth import views as auth_views
from django.urls import path

from . import people_views, second_factor_views, views
from .throttle import ThrottledAuthenticationForm

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/signup/", views.signup, name="signup"),
    path("accounts/signup/confirm/<str:token>/", views.signup_confirmed, name="signup_confirm"),
    path(
        "accounts/password/",
        second_factor_views.PasswordChangeView.as_view(
            template_name="accounts/password_change.html", success_url="/"
        ),
        name="password_change",
    ),
    path(
        "accounts/login/",
        second_factor_views.LoginView.as_view(
            template_name="accounts/login.html", authentication_form=ThrottledAuthenticationForm
        ),
        name="login",
    ),
    path("accounts/login/code/", second_factor_views.login_code, name="login_code"),
    path("accounts/two-factor/", second_factor_views.second_factor_setup, name="second_factor"),
    path(
        "accounts/two-factor/recovery-codes/",
        second_factor_views.recovery_codes_regenerate,
        name="recovery_codes",
    ),
    path(
        "accounts/two-factor/off/",
        second_factor_views.second_factor_disable,
        name="second_factor_off",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("o/<slug:org_slug>/", views.org_dashboard, name="org_dashboard"),
    path("o/<slug:org_slug>/tokens/", views.api_tokens, name="api_tokens"),
    path("accounts/invitation/<str:token>/", people_views.invitation_accept, name="invitation"),
    path("o/<slug:org_slug>/people/", people_views.people_list, name="people"),
    path("o/<slug:org_slug>/people/invite/", people_views.people_invite, name="people_invite"),
    path("o/<slug:org_slug>/people/signoff/", people_views.signoff_setting, name="people_signoff"),
    path(
        "o/<slug:org_slug>/people/<int:member_id>/role/",
        people_views.member_role,
        name="member_role",
    ),
    path(
        "o/<slug:org_slug>/people/<int:member_id>/active/",
        people_views.member_active,
        name="member_active",
    ),
]
