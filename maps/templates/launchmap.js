/*
 * launchmap's map page script: it makes the map from the page's configuration,
 * loads the incidents (the data resource) and the reference layers, and draws
 * the incidents clustered in the browser, a heatmap, hotspots, filters by date
 * and event type, a legend, search by place name and a chart of incidents by
 * coast kilometre against date.
 *
 * Every piece of text that comes from data (place names, descriptions,
 * sources) reaches the page through textContent, never as HTML. Every word of
 * the page's own comes from the message catalogue in the configuration.
 */
(function () {
    "use strict";

    var DAY_MS = 86400000;
    var CLUSTER_MAX_ZOOM = 16;
    var NONE = -2147483648; // a missing whole number in the data resource
    var numberFormat = null;
    var messages = {};

    function say(name, fields) {
        var template = messages[name] || name;
        return template.replace(/\{(\w+)\}/g, function (whole, key) {
            return fields && fields[key] !== undefined ? String(fields[key]) : whole;
        });
    }

    function element(tag, className, content) {
        var node = document.createElement(tag);
        if (className) { node.className = className; }
        if (content !== undefined && content !== null) { node.textContent = String(content); }
        return node;
    }

    function dayText(day) {
        return new Date(day * DAY_MS).toISOString().slice(0, 10);
    }

    function parseDay(text) {
        if (!text) { return null; }
        var time = Date.parse(text + "T00:00:00Z");
        return isNaN(time) ? null : Math.round(time / DAY_MS);
    }

    function formatCount(number) {
        if (numberFormat === null) { numberFormat = new Intl.NumberFormat("en-GB"); }
        return numberFormat.format(number);
    }

    function counted(number, singular, plural) {
        return formatCount(number) + " " + (number === 1 ? singular : plural);
    }

    function markerRadius(people) {
        return people > 0 ? Math.min(16, 5 + 1.4 * Math.sqrt(people)) : 5;
    }

    // -- place search: names matched as the geocoder matches them -----------------------------

    var WORD_FORMS = {st: "saint", ste: "sainte", mt: "mount"};
    var SEARCH_ZOOM = {site: 14, locality: 13, area: 12, region: 9};

    /* Fold a name as geo.geocode.normalize_name does: no accents, case, hyphens or apostrophes. */
    function foldName(text) {
        var plain = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
            .replace(/[\u2019'`\u00b4\u02bc]/g, " ")
            .replace(/[\-\u2010-\u2014_/;:()[\]"\u201c\u201d\u00ab\u00bb!?&+]|(?<!\d)[.,]|[.,](?!\d)/g, " ");
        return plain.split(/\s+/).filter(Boolean).map(function (word) { return WORD_FORMS[word] || word; }).join(" ");
    }

    /* rapidfuzz's ratio, as the geocoder scores a misspelt name: 200 x common letters (LCS) / lengths. */
    function similarity(a, b) {
        var previous = new Array(b.length + 1).fill(0);
        for (var i = 1; i <= a.length; i += 1) {
            var row = [0];
            for (var j = 1; j <= b.length; j += 1) {
                row[j] = a[i - 1] === b[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], row[j - 1]);
            }
            previous = row;
        }
        return 200 * previous[b.length] / (a.length + b.length);
    }

    /* The reference layers' name index: [name, lat, lon, zoom, "other|folded|names"] per place. */
    function PlaceIndex(places, fuzzy) {
        this.places = places;
        this.fuzzy = fuzzy;
        this.byForm = new Map();
        places.forEach(function (place, at) {
            [foldName(place[0])].concat(place[4] ? place[4].split("|") : []).forEach(function (form) {
                if (!this.byForm.has(form)) { this.byForm.set(form, at); }
            }, this);
        }, this);
    }

    /* A place by its exact name, else the closest name scoring as the geocoder accepts, else a prefix. */
    PlaceIndex.prototype.find = function (wanted) {
        var at = this.byForm.get(wanted);
        if (at === undefined && wanted.indexOf("the ") === 0) { at = this.byForm.get(wanted.slice(4)); }
        if (at !== undefined) { return this.places[at]; }
        var best = null, bestScore = this.fuzzy.minScore;
        if (wanted.length >= this.fuzzy.minChars) {
            this.byForm.forEach(function (index, form) {
                if (200 * Math.min(form.length, wanted.length) / (form.length + wanted.length) < bestScore) { return; }
                var score = similarity(wanted, form);
                if (score > bestScore || (score === bestScore && best === null)) { best = index; bestScore = score; }
            });
        }
        if (best !== null) { return this.places[best]; }
        for (var index = 0; index < this.places.length; index += 1) {
            if (foldName(this.places[index][0]).indexOf(wanted) === 0) { return this.places[index]; }
        }
        return null;
    };

    // -- popups -------------------------------------------------------------------------------

    function addRow(list, label, value) {
        if (value === null || value === undefined || value === "") { return; }
        list.appendChild(element("dt", null, label));
        list.appendChild(element("dd", null, value));
    }

    function shoreText(metres) {
        if (typeof metres !== "number") { return null; }
        var size = Math.abs(metres);
        var distance = size >= 1000 ? (size / 1000).toFixed(1) + " km" : Math.round(size) + " m";
        if (metres <= 0) { return distance + " inland"; }
        return distance + " at sea" + (metres <= 300 ? " (within the 300 m zone)" : "");
    }

    function sourceItem(source) {
        var item = element("li");
        var label = source.publisher || source.url || "source";
        if (source.url && /^https?:\/\//i.test(source.url)) {
            var link = element("a", null, label);
            link.href = source.url;
            link.target = "_blank";
            link.rel = "noopener noreferrer nofollow";
            item.appendChild(link);
        } else {
            item.appendChild(element("span", null, label));
        }
        if (source.published) { item.appendChild(element("span", null, " (" + source.published + ")")); }
        if (source.quote) { item.appendChild(element("q", "launchmap-quote", source.quote)); }
        return item;
    }

    function fillPopup(box, p) {
        box.textContent = "";
        box.appendChild(element("strong", null, p.event_type + (p.place_name ? " — " + p.place_name : "")));
        var facts = element("dl");
        var precision = p.date_precision && p.date_precision !== "day" ? " (" + p.date_precision + ")" : "";
        addRow(facts, "Date", p.date ? p.date + precision : "unknown");
        addRow(facts, "Type", p.event_type);
        addRow(facts, "Place as written", p.place_name);
        addRow(facts, "Resolved as", p.place_id);
        addRow(facts, "Country", p.country);
        addRow(facts, "Precision", p.location_precision ? p.location_precision + (p.uncertainty_m ? " (± " + Math.round(p.uncertainty_m) + " m)" : "") : null);
        addRow(facts, "Role", p.location_role);
        addRow(facts, "People", p.people);
        addRow(facts, "Boats", p.boats);
        addRow(facts, "Coast km", typeof p.coast_km === "number" ? p.coast_km.toFixed(1) + " km" : null);
        addRow(facts, "Shore", shoreText(p.shore_distance_m));
        addRow(facts, "Nearest place", p.nearest_place);
        box.appendChild(facts);
        if (p.description) { box.appendChild(element("p", null, p.description)); }
        if (p.sources && p.sources.length) {
            var list = element("ul");
            p.sources.forEach(function (source) { list.appendChild(sourceItem(source)); });
            box.appendChild(list);
        }
    }

    // -- loading: the data resource, its details and the reference layers ------------------------

    function fromBase64(encoded) {
        var binary = atob(encoded.trim());
        var bytes = new Uint8Array(binary.length);
        for (var index = 0; index < binary.length; index += 1) { bytes[index] = binary.charCodeAt(index); }
        return bytes.buffer;
    }

    /* What the loader (loader.js) started, or the bytes inlined in element ``inlineId`` (a standalone file). */
    function loaded(started, inlineId) {
        if (started) { return started; }
        return window.launchmapLoader.gunzipped(fromBase64(document.getElementById(inlineId).textContent));
    }

    function parsedJson(buffer) {
        return JSON.parse(new TextDecoder().decode(buffer));
    }

    var COLUMN_TYPES = {uint8: Uint8Array, int8: Int8Array, uint16: Uint16Array, int16: Int16Array, int32: Int32Array};

    /* Read the data resource (see maps/data_resource.py): a JSON header, then columns stored byte plane by plane. */
    function decodeData(buffer) {
        var bytes = new Uint8Array(buffer);
        if (String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]) !== "LMD1") { throw new Error("not launchmap data"); }
        var headerLength = new DataView(buffer).getUint32(4, true);
        var header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength)));
        var count = header.count;
        var offset = 8 + headerLength;
        var data = {
            key: header.key, types: header.types, total: header.total, count: count,
            hotspots: header.hotspots, unplaced: header.unplaced, detailsPerChunk: header.detailsPerChunk
        };
        header.columns.forEach(function (column) {
            var Type = COLUMN_TYPES[column.type];
            var width = Type.BYTES_PER_ELEMENT;
            var joined = new Uint8Array(count * width);
            for (var plane = 0; plane < width; plane += 1) {
                var start = offset + plane * count;
                for (var index = 0; index < count; index += 1) { joined[index * width + plane] = bytes[start + index]; }
            }
            offset += count * width;
            var values = new Type(joined.buffer); // every browser in use is little-endian
            if (column.scale !== 1) {
                var scaled = new Float64Array(count);
                for (index = 0; index < count; index += 1) {
                    scaled[index] = values[index] === column.missing ? NaN : values[index] / column.scale;
                }
                values = scaled;
            }
            data[column.name] = values;
        });
        return data;
    }

    /* Details come with the page (a standalone file) or in chunks beside the data resource. */
    function DetailSource(data, dataUrl, inlineDetails) {
        this.data = data;
        this.url = dataUrl;
        this.inline = inlineDetails;
        this.chunks = {};
    }

    DetailSource.prototype.fill = function (box, index, onDone) {
        if (this.inline) {
            fillPopup(box, this.inline[index]);
            onDone();
            return;
        }
        var data = this.data;
        var chunk = Math.floor(index / data.detailsPerChunk);
        if (!this.chunks[chunk]) {
            this.chunks[chunk] = window.launchmapLoader.fetched(this.url + "details-" + chunk + ".json.gz").then(parsedJson);
        }
        box.textContent = say("popup.loading");
        this.chunks[chunk]
            .then(function (chunkData) {
                if (chunkData.key !== data.key) { box.textContent = say("page.stale"); onDone(); return; }
                fillPopup(box, chunkData.details[index - chunkData.first]);
                onDone();
            })
            .catch(function (error) { box.textContent = say("popup.failed", {reason: error.message}); onDone(); });
    };

    // -- the filter ---------------------------------------------------------------------------

    function Filter(data, view) {
        this.start = parseDay(view.start);
        this.end = parseDay(view.end);
        this.shownTypes = data.types.map(function (name) {
            return !view.types.length || view.types.indexOf(name) >= 0;
        });
    }

    Filter.prototype.keeps = function (data, index) {
        if (!this.shownTypes[data.type[index]]) { return false; }
        if (this.start === null && this.end === null) { return true; }
        var day = data.day[index];
        if (day === NONE) { return false; }
        return (this.start === null || day >= this.start) && (this.end === null || day <= this.end);
    };

    Filter.prototype.select = function (data) {
        var kept = [];
        for (var index = 0; index < data.lon.length; index += 1) {
            if (this.keeps(data, index)) { kept.push(index); }
        }
        return kept;
    };

    // -- incidents, clustered -----------------------------------------------------------------

    var IncidentLayer = L.Layer.extend({
        initialize: function (app) {
            this._app = app;
            this._group = L.layerGroup();
            this._index = null;
        },

        onAdd: function (map) {
            this._group.addTo(map);
            map.on("moveend", this.redraw, this);
            this.redraw();
        },

        onRemove: function (map) {
            map.off("moveend", this.redraw, this);
            map.removeLayer(this._group);
        },

        setShown: function (indices) {
            var data = this._app.data;
            this._index = new Supercluster({radius: 48, maxZoom: CLUSTER_MAX_ZOOM});
            this._index.load(indices.map(function (index) {
                return {type: "Feature", properties: {index: index}, geometry: {type: "Point", coordinates: [data.lon[index], data.lat[index]]}};
            }));
            if (this._map) { this.redraw(); }
        },

        redraw: function () {
            if (!this._map || !this._index) { return; }
            var bounds = this._map.getBounds().pad(0.2);
            var zoom = Math.round(this._map.getZoom());
            var shown = this._index.getClusters([
                Math.max(-180, bounds.getWest()), Math.max(-85, bounds.getSouth()),
                Math.min(180, bounds.getEast()), Math.min(85, bounds.getNorth())
            ], zoom);
            this._group.clearLayers();
            shown.forEach(function (item) {
                this._group.addLayer(item.properties.cluster ? this._clusterMarker(item) : this._incidentMarker(item.properties.index));
            }, this);
        },

        _incidentMarker: function (index) {
            var app = this._app;
            var data = app.data;
            var kind = data.types[data.type[index]];
            var marker = L.circleMarker([data.lat[index], data.lon[index]], {
                radius: markerRadius(data.people[index]),
                color: "#222",
                weight: 1,
                fillColor: app.colors[kind] || app.colors.other,
                fillOpacity: 0.85,
                className: "launchmap-incident launchmap-incident-" + kind
            });
            marker.on("click", function () { app.openIncident(index, marker.getLatLng()); });
            return marker;
        },

        _clusterMarker: function (cluster) {
            var count = cluster.properties.point_count;
            var size = Math.round(28 + 8 * Math.log10(count));
            var position = L.latLng(cluster.geometry.coordinates[1], cluster.geometry.coordinates[0]);
            var marker = L.marker(position, {
                icon: L.divIcon({
                    html: "<span>" + formatCount(count) + "</span>",
                    className: "launchmap-cluster",
                    iconSize: [size, size]
                }),
                title: formatCount(count) + " incidents",
                keyboard: true
            });
            marker.launchmapCount = count;
            marker.on("click", function () { this._openCluster(cluster, position); }, this);
            return marker;
        },

        _openCluster: function (cluster, position) {
            var expansion = this._index.getClusterExpansionZoom(cluster.properties.cluster_id);
            if (expansion <= CLUSTER_MAX_ZOOM && expansion > this._map.getZoom()) {
                this._map.flyTo(position, expansion);
                return;
            }
            var leaves = this._index.getLeaves(cluster.properties.cluster_id, 50);
            var app = this._app;
            L.popup({maxWidth: 340})
                .setLatLng(position)
                .setContent(app.incidentList(leaves.map(function (leaf) { return leaf.properties.index; }), cluster.properties.point_count, position))
                .openOn(this._map);
        }
    });

    // -- controls ---------------------------------------------------------------------------

    var Panel = L.Control.extend({
        options: {position: "bottomright"},

        initialize: function (app) {
            L.setOptions(this, {});
            this._app = app;
        },

        onAdd: function () {
            var app = this._app;
            var box = element("details", "launchmap-panel leaflet-control");
            box.open = app.chrome === "full";
            var summary = element("summary");
            summary.appendChild(element("strong", null, app.title));
            app.countNode = element("span", "launchmap-count");
            summary.appendChild(app.countNode);
            box.appendChild(summary);
            box.appendChild(this._dates());
            box.appendChild(this._types());
            box.appendChild(this._sizes());
            if (app.hotspotCount) { box.appendChild(element("p", "launchmap-note", "Dashed outlines: " + counted(app.hotspotCount, "launch hotspot", "launch hotspots") + " (clusters of departures and pick-ups).")); }
            if (app.unplaced) { box.appendChild(element("p", "launchmap-note", counted(app.unplaced, "incident is", "incidents are") + " placed only at country level and not drawn.")); }
            if (app.snippetUrl) {
                app.embedLink = element("a", "launchmap-embed-link", "Embed this view in an article");
                app.embedLink.target = "_blank";
                box.appendChild(element("p", "launchmap-note")).appendChild(app.embedLink);
            }
            L.DomEvent.disableClickPropagation(box);
            L.DomEvent.disableScrollPropagation(box);
            return box;
        },

        _dates: function () {
            var app = this._app;
            var row = element("fieldset", "launchmap-dates");
            row.appendChild(element("legend", null, "Dates"));
            [["start", "From"], ["end", "To"]].forEach(function (pair) {
                var label = element("label", null, pair[1] + " ");
                var input = element("input");
                input.type = "date";
                input.name = pair[0];
                input.className = "launchmap-date-" + pair[0];
                if (app.dayRange) { input.min = dayText(app.dayRange[0]); input.max = dayText(app.dayRange[1]); }
                if (app.filter[pair[0]] !== null) { input.value = dayText(app.filter[pair[0]]); }
                input.addEventListener("change", function () {
                    app.filter[pair[0]] = parseDay(input.value);
                    app.applyFilter();
                });
                label.appendChild(input);
                row.appendChild(label);
            });
            return row;
        },

        _types: function () {
            var app = this._app;
            var list = element("fieldset", "launchmap-types");
            list.appendChild(element("legend", null, "Event types"));
            app.data.types.forEach(function (name, typeIndex) {
                if (!app.typeTotals[typeIndex]) { return; }
                var label = element("label", "launchmap-type");
                var box = element("input");
                box.type = "checkbox";
                box.value = name;
                box.checked = app.filter.shownTypes[typeIndex];
                box.addEventListener("change", function () {
                    app.filter.shownTypes[typeIndex] = box.checked;
                    app.applyFilter();
                });
                var swatch = element("i", "launchmap-swatch");
                swatch.style.background = app.colors[name];
                label.appendChild(box);
                label.appendChild(swatch);
                label.appendChild(element("span", null, name.charAt(0).toUpperCase() + name.slice(1)));
                app.typeCountNodes[typeIndex] = element("span", "launchmap-type-count");
                label.appendChild(app.typeCountNodes[typeIndex]);
                list.appendChild(label);
            });
            return list;
        },

        _sizes: function () {
            var row = element("div", "launchmap-sizes");
            row.appendChild(element("span", null, "People aboard: "));
            [1, 10, 50].forEach(function (people) {
                var dot = element("i", "launchmap-size-dot");
                var diameter = Math.round(2 * markerRadius(people));
                dot.style.width = dot.style.height = diameter + "px";
                row.appendChild(dot);
                row.appendChild(element("span", null, people + (people === 50 ? "+ " : " ")));
            });
            return row;
        }
    });

    var Search = L.Control.extend({
        options: {position: "topleft"},

        initialize: function (app) {
            L.setOptions(this, {});
            this._app = app;
        },

        onAdd: function (map) {
            var app = this._app;
            var form = element("form", "launchmap-search leaflet-control leaflet-bar");
            form.setAttribute("role", "search");
            var input = element("input");
            input.type = "search";
            input.placeholder = say("search.placeholder");
            input.setAttribute("aria-label", say("search.label"));
            input.setAttribute("list", "launchmap-places");
            var options = element("datalist");
            options.id = "launchmap-places";
            input.addEventListener("focus", function () { // the list is long: made when first wanted
                if (options.childNodes.length) { return; }
                app.places.forEach(function (place) {
                    var option = element("option");
                    option.value = place[0];
                    options.appendChild(option);
                });
            });
            var status = element("output", "launchmap-search-status");
            form.appendChild(input);
            form.appendChild(options);
            form.appendChild(status);
            var report = function (message) { status.textContent = message; };
            form.addEventListener("submit", function (event) {
                event.preventDefault();
                report(app.findPlace(map, input.value, report));
            });
            input.addEventListener("change", function () { report(app.findPlace(map, input.value, report)); });
            L.DomEvent.disableClickPropagation(form);
            return form;
        }
    });

    // -- the chart: coast kilometre against date ---------------------------------------------

    function Chart(app, canvas) {
        this.app = app;
        this.canvas = canvas;
    }

    Chart.prototype.draw = function (shown) {
        var canvas = this.canvas;
        var width = canvas.clientWidth;
        var height = canvas.clientHeight;
        if (!width || !height) { return; }
        var ratio = window.devicePixelRatio || 1;
        canvas.width = Math.round(width * ratio);
        canvas.height = Math.round(height * ratio);
        var context = canvas.getContext("2d");
        context.setTransform(ratio, 0, 0, ratio, 0, 0);
        context.clearRect(0, 0, width, height);
        var data = this.app.data;
        context.font = "11px system-ui, sans-serif";
        var labelWidth = this.app.chartPlaces.reduce(function (widest, place) {
            return Math.max(widest, context.measureText(place[0] + " " + Math.round(place[1])).width);
        }, 0);
        var frame = {left: Math.ceil(labelWidth) + 8, right: 10, top: 10, bottom: 26};
        var days = this.app.dayRange;
        var kms = this.app.kmRange;
        if (!days || !kms) {
            context.fillStyle = "#555";
            context.fillText(say("chart.empty"), 10, 20);
            return;
        }
        var firstDay = this.app.filter.start !== null ? this.app.filter.start : days[0];
        var lastDay = this.app.filter.end !== null ? this.app.filter.end : days[1];
        var spanDays = Math.max(1, lastDay - firstDay);
        var spanKm = Math.max(1, kms[1] - kms[0]);
        var plotWidth = width - frame.left - frame.right;
        var plotHeight = height - frame.top - frame.bottom;
        var x = function (day) { return frame.left + (day - firstDay) / spanDays * plotWidth; };
        var y = function (km) { return frame.top + (km - kms[0]) / spanKm * plotHeight; };
        this._axes(context, frame, width, height, firstDay, lastDay, y);
        var drawn = 0;
        shown.forEach(function (index) {
            var day = data.day[index];
            var km = data.chart_km[index];
            if (day === NONE || isNaN(km)) { return; }
            context.fillStyle = this.app.colors[data.types[data.type[index]]];
            var size = data.people[index] > 40 ? 4 : 3;
            context.fillRect(x(day) - size / 2, y(km) - size / 2, size, size);
            drawn += 1;
        }, this);
        this.canvas.dataset.drawn = String(drawn);
    };

    Chart.prototype._axes = function (context, frame, width, height, firstDay, lastDay, y) {
        context.strokeStyle = "#999";
        context.fillStyle = "#333";
        context.font = "11px system-ui, sans-serif";
        context.strokeRect(frame.left, frame.top, width - frame.left - frame.right, height - frame.top - frame.bottom);
        context.textAlign = "right";
        this.app.chartPlaces.forEach(function (place) {
            var level = y(place[1]);
            if (level < frame.top || level > height - frame.bottom) { return; }
            context.fillText(place[0] + " " + Math.round(place[1]), frame.left - 4, level + 4);
        });
        context.textAlign = "left";
        context.fillText(dayText(firstDay), frame.left, height - 8);
        context.textAlign = "right";
        context.fillText(dayText(lastDay), width - frame.right, height - 8);
    };

    // -- the application ------------------------------------------------------------------------

    function App(map, config, data) {
        this.map = map;
        this.data = data;
        this.colors = config.colors;
        this.title = config.title;
        this.chrome = config.chrome;
        this.places = []; // the reference layers bring them (useReference)
        this.placeSearch = config.placeSearch;
        this.snippetUrl = config.snippetUrl;
        this.view = config.view;
        this.keep = config.keep;
        this.defaultLayers = config.defaultLayers;
        this.layerNames = config.layerNames;
        this.chartPlaces = [];
        this.hotspotCount = data.hotspots.features.length;
        this.unplaced = data.total - data.count;
        this.details = new DetailSource(data, config.dataUrl, config.details);
        this.filter = new Filter(data, config.view);
        this.typeCountNodes = [];
        this._measure();
        this.incidents = new IncidentLayer(this);
        this.heat = L.heatLayer([], {radius: 18, blur: 14, maxZoom: 12, minOpacity: 0.25});
        this.hotspots = this._hotspotLayer(data.hotspots);
    }

    App.prototype._measure = function () {
        var data = this.data;
        var typeTotals = data.types.map(function () { return 0; });
        var firstDay = null, lastDay = null, lowKm = null, highKm = null;
        for (var index = 0; index < data.lon.length; index += 1) {
            typeTotals[data.type[index]] += 1;
            var day = data.day[index];
            if (day !== NONE) {
                firstDay = firstDay === null || day < firstDay ? day : firstDay;
                lastDay = lastDay === null || day > lastDay ? day : lastDay;
            }
            var km = data.chart_km[index];
            if (!isNaN(km)) {
                lowKm = lowKm === null || km < lowKm ? km : lowKm;
                highKm = highKm === null || km > highKm ? km : highKm;
            }
        }
        this.typeTotals = typeTotals;
        this.dayRange = firstDay === null ? null : [firstDay, lastDay];
        this.kmRange = lowKm === null ? null : [Math.min(lowKm, this._firstMark()), Math.max(highKm, this._lastMark())];
    };

    /* The search's places and the chart's axis come with the reference layers, after the incidents. */
    App.prototype.useReference = function (reference) {
        this.places = reference.places;
        this.placeIndex = null; // made from them at the first search
        this.chartPlaces = reference.chartPlaces;
        this._measure();
        if (this.chart) { this.chart.draw(this.shown || []); }
    };

    App.prototype._firstMark = function () {
        return this.chartPlaces.length ? this.chartPlaces[0][1] : Infinity;
    };

    App.prototype._lastMark = function () {
        return this.chartPlaces.length ? this.chartPlaces[this.chartPlaces.length - 1][1] : -Infinity;
    };

    App.prototype._hotspotLayer = function (collection) {
        return L.geoJSON(collection, {
            style: function () { return {color: "#6a1b9a", weight: 2, dashArray: "6 4", fillOpacity: 0.08, className: "launchmap-hotspot"}; },
            onEachFeature: function (feature, layer) {
                var label = element("span", null, feature.properties.label + " · " + formatCount(feature.properties.incidents));
                layer.bindTooltip(label, {permanent: true, direction: "center", className: "launchmap-hotspot-label"});
            }
        });
    };

    /* Popups belong to the map, not to a marker: markers are redrawn as the map moves. */
    App.prototype.openIncident = function (index, position) {
        var popup = L.popup({maxWidth: 340}).setLatLng(position);
        var box = element("div", "launchmap-popup");
        this.details.fill(box, index, function () { popup.update(); });
        popup.setContent(box).openOn(this.map);
    };

    App.prototype.incidentList = function (indices, total, position) {
        var app = this;
        var box = element("div", "launchmap-popup launchmap-list");
        box.appendChild(element("strong", null, counted(total, "incident", "incidents") + " here" + (total > indices.length ? " (first " + indices.length + " listed)" : "")));
        var list = element("ul");
        indices.forEach(function (index) {
            var data = app.data;
            var item = element("li");
            var button = element("button", null, (data.day[index] === NONE ? "undated" : dayText(data.day[index])) + " · " + data.types[data.type[index]]);
            button.type = "button";
            button.addEventListener("click", function () { app.openIncident(index, position); });
            item.appendChild(button);
            list.appendChild(item);
        });
        box.appendChild(list);
        return box;
    };

    /* Move the map to a place named in the search box; answer what to show as the status.
       A served page asks the server's geocoder (and ``report``s its answer when it comes);
       a standalone file or a published folder matches the reference layers' name index. */
    App.prototype.findPlace = function (map, text, report) {
        var wanted = foldName(text || "");
        if (!wanted) { return ""; }
        if (this.placeSearch.geocodeUrl) { return this._askGeocoder(map, text, report); }
        this.placeIndex = this.placeIndex || new PlaceIndex(this.places, this.placeSearch);
        var match = this.placeIndex.find(wanted);
        if (match === null) { return say("search.none", {text: text}); }
        return this._showPlace(map, match[0], match[1], match[2], match[3]);
    };

    App.prototype._askGeocoder = function (map, text, report) {
        var app = this;
        fetch(this.placeSearch.geocodeUrl + "?q=" + encodeURIComponent(text), {headers: {Accept: "application/geo+json"}})
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (feature) {
                var found = feature && feature.properties;
                if (found && feature.geometry) {
                    var point = feature.geometry.coordinates;
                    report(app._showPlace(map, found.name, point[1], point[0], SEARCH_ZOOM[found.location_precision] || 12));
                } else if (found && found.organisation) {
                    report(say("search.organisation", {name: found.name}));
                } else {
                    report(say("search.none", {text: text}));
                }
            })
            .catch(function () { report(say("search.failed")); });
        return say("search.waiting");
    };

    App.prototype._showPlace = function (map, name, lat, lon, zoom) {
        map.setView([lat, lon], zoom);
        if (this._found) { map.removeLayer(this._found); }
        this._found = L.circleMarker([lat, lon], {radius: 10, color: "#000", weight: 2, fill: false, className: "launchmap-found"})
            .bindTooltip(element("span", null, name), {permanent: true, direction: "right"})
            .addTo(map);
        return name;
    };

    App.prototype.applyFilter = function () {
        var shown = this.filter.select(this.data);
        var data = this.data;
        this.incidents.setShown(shown);
        this.heat.setLatLngs(shown.map(function (index) { return [data.lat[index], data.lon[index], 0.6]; }));
        var counts = data.types.map(function () { return 0; });
        shown.forEach(function (index) { counts[data.type[index]] += 1; });
        this.typeCountNodes.forEach(function (node, typeIndex) {
            if (node) { node.textContent = formatCount(counts[typeIndex]) + " / " + formatCount(this.typeTotals[typeIndex]); }
        }, this);
        this.shownCount = shown.length;
        if (this.countNode) { this.countNode.textContent = formatCount(shown.length) + " of " + counted(data.lon.length, "incident", "incidents") + " shown"; }
        if (this.chart) { this.chart.draw(shown); }
        this.shown = shown;
        this.rememberView();
    };

    /* Show the overlays the view names (its ``layers``), once each is made. */
    App.prototype.showOverlays = function () {
        Object.keys(this.overlays).forEach(function (name) {
            var layer = this.overlays[name];
            if (this.view.layers.indexOf(name) >= 0 && !this.map.hasLayer(layer)) { layer.addTo(this.map); }
        }, this);
    };

    /* The overlays shown, as the address's ``layers`` (null when they are the default ones);
       one not made yet (the reference layers come last) counts as the view has it. */
    App.prototype.shownOverlays = function () {
        var shown = this.layerNames.filter(function (name) {
            var layer = this.overlays[name];
            return layer ? this.map.hasLayer(layer) : this.view.layers.indexOf(name) >= 0;
        }, this);
        return shown.join(",") === this.defaultLayers.join(",") ? null : (shown.join(",") || "none");
    };

    /* The filters and view as query parameters, as /map, /embed and the images read them;
       the reporter's text and choices the page does not change (``keep``) go along. */
    App.prototype.viewQuery = function () {
        var query = new URLSearchParams(this.keep);
        if (this.filter.start !== null) { query.set("start", dayText(this.filter.start)); }
        if (this.filter.end !== null) { query.set("end", dayText(this.filter.end)); }
        var data = this.data;
        var shownTypes = this.filter.shownTypes;
        if (shownTypes.indexOf(false) >= 0) {
            query.set("types", data.types.filter(function (name, index) { return shownTypes[index]; }).join(","));
        }
        var centre = this.map.getCenter();
        query.set("lat", centre.lat.toFixed(5));
        query.set("lon", centre.lng.toFixed(5));
        query.set("zoom", String(Math.min(18, Math.max(3, Math.round(this.map.getZoom())))));
        var layers = this.shownOverlays();
        if (layers !== null) { query.set("layers", layers); }
        return query.toString();
    };

    /* On a served page, keep the address and the embed link in step with what is shown. */
    App.prototype.rememberView = function () {
        if (!this.snippetUrl || !this.started) { return; }
        var query = this.viewQuery();
        this.embedLink.href = this.snippetUrl + "?" + query;
        if (this.chrome === "full") { history.replaceState(null, "", "?" + query); }
    };

    App.prototype.addChart = function (canvas) {
        var app = this;
        this.chart = new Chart(this, canvas);
        window.addEventListener("resize", function () { app.chart.draw(app.shown || []); });
    };

    App.prototype.start = function (layers) {
        new Search(this).addTo(this.map);
        L.control.fullscreen({position: "topleft"}).addTo(this.map);
        new Panel(this).addTo(this.map);
        this.overlays = {incidents: this.incidents, hotspots: this.hotspots, heatmap: this.heat};
        this.showOverlays();
        layers.addOverlay(this.incidents, say("layer.incidents"));
        layers.addOverlay(this.hotspots, say("layer.hotspots"));
        layers.addOverlay(this.heat, say("layer.heat"));
        var canvas = document.getElementById("launchmap-chart");
        if (canvas) { this.addChart(canvas); }
        this.started = true;
        this.map.on("moveend overlayadd overlayremove", this.rememberView, this);
        this.applyFilter();
        window.launchmap = this;
        window.launchmapInteractiveMs = performance.now();
    };

    // -- the page: the map first, then the incidents and reference layers as they arrive --------

    function makeMap(config) {
        var map = L.map("launchmap-map", {zoomControl: true, preferCanvas: false});
        var view = config.view;
        if (view.bbox) {
            map.fitBounds(view.bbox);
        } else if (view.center === null && view.zoom === null && config.bounds) {
            map.fitBounds(config.bounds, {padding: [40, 40], maxZoom: config.fitMaxZoom});
        } else {
            map.setView(view.center || config.defaultCenter, view.zoom === null ? config.defaultZoom : view.zoom);
        }
        var bases = window.launchmapOffline.baseLayers(map, config); // offline.js: tiles, or the offline base map
        config.attributions.forEach(function (attribution) { map.attributionControl.addAttribution(attribution); });
        L.control.scale().addTo(map);
        var layers = L.control.layers(bases, {}, {collapsed: config.chrome === "embed"}).addTo(map);
        return {map: map, layers: layers};
    }

    /* The coastline and the zone are many vertices and never clicked: one canvas draws them. */
    function addReferenceLayers(made, config, reference) {
        var renderer = L.canvas({padding: 0.2});
        var coastline = L.geoJSON(reference.shoreline, {interactive: false, renderer: renderer, style: {color: "#0b4f8a", weight: 1.5, opacity: 0.9}});
        var zone = L.geoJSON(reference.zone, {interactive: false, renderer: renderer, style: {color: "#e65100", weight: 0.5, fillColor: "#ff9800", fillOpacity: 0.35}});
        made.layers.addOverlay(coastline, say("layer.coastline"));
        made.layers.addOverlay(zone, say("layer.zone", {metres: config.zoneMetres}));
        return {coastline: coastline, zone: zone};
    }

    function addMinimap(map, config) {
        new L.Control.MiniMap(window.launchmapOffline.minimapLayer(config), {
            position: "bottomleft", toggleDisplay: true, zoomLevelOffset: -5, width: 140, height: 140
        }).addTo(map);
    }

    function boot() {
        var loader = window.launchmapLoader;
        var config = loader.config;
        messages = config.messages;
        numberFormat = new Intl.NumberFormat(config.lang);
        var data = loaded(loader.data, "launchmap-data").then(decodeData);
        var reference = loaded(loader.reference, "launchmap-reference").then(parsedJson);
        var made = makeMap(config);
        var app = null;
        /* The incidents first: once drawn, a reader can use the map (interactive); the coastline,
           the zone, the search's places, the chart's axis and the minimap follow (ready). */
        data.then(function (decoded) {
            app = new App(made.map, config, decoded);
            app.start(made.layers);
            return reference;
        }).then(function (loaded) {
            app.reference = addReferenceLayers(made, config, loaded);
            app.overlays.coastline = app.reference.coastline;
            app.overlays.zone = app.reference.zone;
            app.showOverlays();
            app.useReference(loaded);
            if (config.minimap) { addMinimap(made.map, config); }
            document.documentElement.dataset.launchmapReady = "1";
            window.launchmapReadyMs = performance.now();
        }).catch(function (error) {
            var note = element("p", "launchmap-failed", say("page.failed", {reason: error.message}));
            made.map.getContainer().appendChild(note);
            throw error;
        });
    }

    boot();
}());
