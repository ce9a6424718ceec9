"""IIIF for published scans: static level-0 image tiles made once per upload
(tiles.py), the Image API's info.json and the Presentation API manifest built
from them (image.py, manifest.py), and the views that serve them (views.py)."""
