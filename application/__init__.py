"""The secretariat's application: commands, the Secretariat, the read side's logic."""
