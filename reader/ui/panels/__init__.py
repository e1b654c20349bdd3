"""Side panels: docks with stable object names whose content is built on first show."""
