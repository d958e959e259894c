/*
 * launchmap's base maps (see maps/base_layer.py): the tile servers' and an offline one drawn from
 * bundled data (land, sea, place names), which the page shows when tiles do not load.
 *
 * launchmap.js builds its base maps with window.launchmapOffline.baseLayers(config), shows the one
 * chosenBase names, and builds its mini-map's with window.launchmapOffline.minimapLayer(config);
 * everything else is here. A tile layer that fails before any tile has loaded gives way to the
 * offline layer, silently; a page whose address or publish chooses the offline base map never
 * asks a tile server anything.
 */
(function () {
    "use strict";

    var SEA = "#dcebf5";
    var LAND = {color: "#7f9db9", weight: 0.8, fillColor: "#f3f0e8", fillOpacity: 1, interactive: false};
    var UNKNOWN = {stroke: false, fillColor: "#d6d6d6", fillOpacity: 1, interactive: false};
    var LABEL_GAP_PX = 3;
    var LABEL_FONT = "italic 12px system-ui, sans-serif";
    var LABEL_STYLE = "position:absolute;white-space:nowrap;font:" + LABEL_FONT + ";line-height:14px;color:#444;"
        + "text-shadow:0 0 2px #fff,0 0 2px #fff;transform:translate(-50%,-50%);";
    var resource = null;

    /* The base map's data: fetched beside the page script, or inlined in a standalone file. */
    function baseData(config) {
        if (resource) { return resource; }
        var loader = window.launchmapLoader;
        if (config.offline.url) {
            resource = loader.fetched(config.offline.url);
        } else {
            var binary = atob(document.getElementById("launchmap-basemap").textContent.trim());
            var bytes = Uint8Array.from(binary, function (char) { return char.charCodeAt(0); });
            resource = loader.gunzipped(bytes.buffer);
        }
        resource = resource.then(function (buffer) { return JSON.parse(new TextDecoder().decode(buffer)); });
        return resource;
    }

    /* The whole world with a hole where the bundled coastline is known: drawn grey, not sea. */
    function unknownArea(bounds) {
        var south = bounds[0][0], west = bounds[0][1], north = bounds[1][0], east = bounds[1][1];
        return [
            [[-89, -179.9], [89, -179.9], [89, 179.9], [-89, 179.9]],
            [[south, west], [north, west], [north, east], [south, east]]
        ];
    }

    var OfflineLayer = L.Layer.extend({
        options: {labels: true},

        initialize: function (config, options) {
            L.setOptions(this, options);
            this._config = config;
            this._language = config.lang;
        },

        onAdd: function (map) {
            var layer = this;
            this._panes(map);
            this._shapes = L.layerGroup();
            this._shapes.addTo(map);
            map.getContainer().style.background = SEA;
            map.getContainer().dataset.launchmapBase = "offline";
            baseData(this._config).then(function (data) {
                if (layer._map !== map) { return; }
                var renderer = L.canvas({pane: "launchmap-offline", padding: 0.5});
                layer._shapes.addLayer(L.polygon(unknownArea(data.bounds), L.extend({renderer: renderer}, UNKNOWN)));
                layer._shapes.addLayer(L.geoJSON(data.land, {renderer: renderer, style: function () { return LAND; }}));
                layer._places = data.places;
                if (layer.options.labels) {
                    map.on("moveend", layer._label, layer);
                    layer._label();
                }
                map.getContainer().dataset.launchmapOfflineDrawn = "1";
                layer.fire("load");
            });
        },

        onRemove: function (map) {
            map.off("moveend", this._label, this);
            map.removeLayer(this._shapes);
            if (this._labelBox) { this._labelBox.textContent = ""; }
            map.getContainer().style.background = "";
            delete map.getContainer().dataset.launchmapBase;
            delete map.getContainer().dataset.launchmapOfflineDrawn;
        },

        /* Land under the overlays, names above the land and under the incidents. */
        _panes: function (map) {
            if (!map.getPane("launchmap-offline")) {
                map.createPane("launchmap-offline").style.zIndex = 150;
                var labels = map.createPane("launchmap-offline-labels");
                labels.style.zIndex = 350;
                labels.style.pointerEvents = "none";
            }
            this._labelBox = map.getPane("launchmap-offline-labels");
        },

        _name: function (place) {
            var own = this._language === "fr" ? place[4] : this._language === "en" ? place[5] : "";
            return own || place[3];
        },

        /* Name the places of this zoom in the view, most important first, never overlapping. */
        _label: function () {
            var map = this._map;
            if (!map || !this._places) { return; }
            var zoom = map.getZoom();
            var view = map.getBounds().pad(0.1);
            var taken = [];
            var box = this._labelBox;
            var measure = document.createElement("canvas").getContext("2d");
            measure.font = LABEL_FONT;
            box.textContent = "";
            this._places.forEach(function (place) {
                if (place[2] > zoom || !view.contains([place[1], place[0]])) { return; }
                var name = this._name(place);
                var point = map.latLngToLayerPoint([place[1], place[0]]);
                var half = {x: measure.measureText(name).width / 2 + LABEL_GAP_PX, y: 7 + LABEL_GAP_PX};
                var here = {left: point.x - half.x, right: point.x + half.x, top: point.y - half.y, bottom: point.y + half.y};
                var overlaps = taken.some(function (other) {
                    return here.left < other.right && other.left < here.right && here.top < other.bottom && other.top < here.bottom;
                });
                if (overlaps) { return; }
                taken.push(here);
                var label = document.createElement("span");
                label.className = "launchmap-offline-label";
                label.textContent = name;
                label.style.cssText = LABEL_STYLE + "left:" + point.x + "px;top:" + point.y + "px";
                box.appendChild(label);
            }, this);
        }
    });

    /* A tile layer that gives way to ``offline()`` if its first tile fails before any loads. */
    function fallingBack(tiles, offline) {
        var loaded = false;
        tiles.on("tileload", function () { loaded = true; });
        tiles.on("tileerror", function () {
            var map = tiles._map;
            if (loaded || !map) { return; }
            map.removeLayer(tiles);
            offline().addTo(map);
        });
        return tiles;
    }

    function tileLayer(base) {
        return L.tileLayer(base.url, {attribution: base.attribution, maxZoom: 19, maxNativeZoom: base.native});
    }

    /* The base maps ({id, name, layer}) for the page's panel, none shown yet. */
    function baseLayers(config) {
        var offline = new OfflineLayer(config);
        var bases = config.baseMaps.map(function (base) {
            var layer = fallingBack(tileLayer(base), function () { return offline; });
            return {id: base.id, name: config.messages[base.name] || base.name, layer: layer};
        });
        bases.push({id: "offline", name: config.messages["layer.offline"], layer: offline});
        return bases;
    }

    /* The base map the view or the page chooses, among ``bases``: the one the page shows. */
    function chosenBase(bases, config) {
        var chosen = config.view.base || config.offline.base;
        return bases.filter(function (base) { return base.id === chosen; })[0] || bases[bases.length - 1];
    }

    /* The mini-map's base: the offline one (without names) on an offline page, else grey tiles. */
    function minimapLayer(config) {
        var make = function () { return new OfflineLayer(config, {labels: false}); };
        var light = config.baseMaps.filter(function (base) { return base.id === "light"; })[0];
        var offlinePage = (config.view.base || config.offline.base) === "offline";
        return offlinePage || !light ? make() : fallingBack(tileLayer(light), make);
    }

    window.launchmapOffline = {baseLayers: baseLayers, chosenBase: chosenBase, minimapLayer: minimapLayer, OfflineLayer: OfflineLayer};
}());
