"""Monitoring (#16): case outcomes, anonymised records that outlive retention, open data,
the staff dashboard and the yearly impact page."""
