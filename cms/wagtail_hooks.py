"""Admin hooks of the CMS wiring."""

from wagtail import hooks

from cms.login_lockout import login_lockout_viewset


@hooks.register("register_admin_viewset")
def register_login_lockout_viewset():
    return login_lockout_viewset
