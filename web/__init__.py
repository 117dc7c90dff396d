"""The app's small web side: the one-time evidence upload page (trang gửi minh chứng)."""
