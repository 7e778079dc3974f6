"""`sanphalang welfare …`: the welfare app's commands."""
