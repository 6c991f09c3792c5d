from django.contrib import admin

from .models import Delivery, Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "created_at", "read_at"]
    list_filter = ["kind"]
    readonly_fields = ["user", "kind", "text", "url", "key", "created_at", "read_at"]


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["user", "day", "channel", "sent_at"]
    list_filter = ["channel", "day"]
    readonly_fields = ["user", "day", "channel", "sent_at", "content_hash"]
