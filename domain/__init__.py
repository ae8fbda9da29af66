"""The secretariat's domain: bodies, their sessions and workplans, and their rules."""
