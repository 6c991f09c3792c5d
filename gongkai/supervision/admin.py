from django.contrib import admin

from .models import EscalationNotice, LightSettings, UnitFeedToken


@admin.register(LightSettings)
class LightSettingsAdmin(admin.ModelAdmin):
    # Changes go through the settings page (services.update_settings), which records an event.
    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(EscalationNotice)
class EscalationNoticeAdmin(admin.ModelAdmin):
    list_display = ["__str__", "level", "sent_on", "heeded_on"]
    list_filter = ["level", "sent_on"]
    readonly_fields = [f.name for f in EscalationNotice._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(UnitFeedToken)
class UnitFeedTokenAdmin(admin.ModelAdmin):
    list_display = ["unit", "created_by", "created_at", "revoked_at"]
    readonly_fields = ["unit", "token", "created_by", "created_at", "revoked_at", "revoked_by"]
