"""Qt item models over the services (tested without windows)."""
