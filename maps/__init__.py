"""Folium (Leaflet) maps of incidents, with the browser assets they load."""
