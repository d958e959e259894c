/*
 * launchmap's map page script: it makes the map from the page's configuration,
 * loads the incidents (the data resource) and the reference layers, and draws
 * the incidents clustered in the browser, a density grid (the heatmap), the
 * launch hotspots, filters by date, event type and review, a time slider with
 * playback, a legend, search by place name, a chart of incidents by coast
 * kilometre against date and the list of incidents placed only by country.
 *
 * Every piece of text that comes from data (place names, descriptions,
 * sources) reaches the page through textContent, never as HTML. Every word of
 * the page's own comes from the message catalogue of the page's language in
 * the configuration; numbers and dates are written from that language's CLDR
 * formats, which the configuration carries too.
 *
 * The sections, in order: words and formats; small helpers; dates and periods;
 * the place search; popups; loading; the filter; the map's layers (incidents,
 * hotspots, density); the panel's controls; the chart; the country list; the
 * application; the page (the map first, then the incidents, then the rest).
 */
(function () {
    "use strict";

    var DAY_MS = 86400000;
    var CLUSTER_MAX_ZOOM = 16;
    var NONE = -2147483648; // a missing whole number in the data resource
    var NO_PLACE = 65535;
    var CANDIDATE = 1; // the data resource's review column: a candidate not yet reviewed
    var LIST_PAGE = 10; // incidents per page of a list
    var PLAY_MS = 900; // one period of playback
    var HEAT_CELL_PX = 32; // the density grid's squares, in screen pixels
    var HEAT_COLOURS = ["#fee391", "#fec44f", "#fe9929", "#ec7014", "#cc4c02", "#8c2d04"];
    var LABEL_JOIN = " \u2013 "; // between the places of a hotspot's label (geo.cluster.LABEL_JOIN)
    var words = null; // the page's Words, made at boot

    // -- words and formats: the page's language --------------------------------------------------

    /* A value made on first use: a page pays for a formatter (ICU data) only when it writes one. */
    function lazy(make) {
        var made = null;
        return function () {
            if (made === null) { made = make(); }
            return made;
        };
    }

    /* Numbers and dates are written from the page's CLDR formats (config.formats, see
       maps.messages.page_formats), not with Intl's formatters: the first of those loads locale
       data for tens of milliseconds before a marker could be drawn. Plural rules are cheap. */
    function Words(config) {
        var locale = config.locale;
        this.messages = config.messages;
        this.lang = config.lang;
        this.formats = config.formats;
        this.names = {};
        this.plurals = lazy(function () { return new Intl.PluralRules(locale); });
        this.countries = lazy(function () {
            return typeof Intl.DisplayNames === "function" ? new Intl.DisplayNames([locale], {type: "region"}) : null;
        });
    }

    /* A message with its {fields} filled in. */
    Words.prototype.say = function (name, fields) {
        var template = this.messages[name];
        if (template === undefined) { template = name; }
        return template.replace(/\{(\w+)\}/g, function (whole, key) {
            return fields && fields[key] !== undefined ? String(fields[key]) : whole;
        });
    };

    /* The plural form of a message for ``count`` (name.one, name.other … as the language has them). */
    Words.prototype.count = function (name, count, fields) {
        var key = name + "." + this.plurals().select(count);
        var filled = Object.assign({count: this.number(count)}, fields || {});
        return this.say(this.messages[key] === undefined ? name + ".other" : key, filled);
    };

    /* ``number`` with between ``least`` and ``most`` decimals, its digits grouped by three. */
    Words.prototype.digits = function (number, least, most) {
        var formats = this.formats;
        var parts = Math.abs(number).toFixed(most).split(".");
        var fraction = (parts[1] || "").replace(/0+$/, "");
        while (fraction.length < least) { fraction += "0"; }
        var whole = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, formats.group);
        var negative = number < 0 && (Number(parts[0]) > 0 || fraction !== "");
        return (negative ? formats.minus : "") + whole + (fraction ? formats.decimal + fraction : "");
    };

    /* A date (a UTC day number) written by a pattern's parts: text, or [field]. */
    Words.prototype.date = function (pattern, day) {
        var date = new Date(day * DAY_MS);
        var formats = this.formats;
        var fields = {
            d: String(date.getUTCDate()), dd: String(date.getUTCDate()).padStart(2, "0"),
            M: String(date.getUTCMonth() + 1), MM: String(date.getUTCMonth() + 1).padStart(2, "0"),
            MMM: formats.months[date.getUTCMonth()], MMMM: formats.longMonths[date.getUTCMonth()],
            y: String(date.getUTCFullYear()), yyyy: String(date.getUTCFullYear()).padStart(4, "0")
        };
        return pattern.map(function (part) { return typeof part === "string" ? part : fields[part[0]]; }).join("");
    };

    Words.prototype.number = function (number) { return this.digits(number, 0, 3); };
    Words.prototype.decimal = function (number) { return this.digits(number, 1, 1); };
    Words.prototype.day = function (day) { return day === NONE || day === null ? this.say("popup.undated") : this.date(this.formats.day, day); };
    Words.prototype.month = function (day) { return this.date(this.formats.month, day); };
    Words.prototype.shortMonth = function (day) { return this.formats.months[new Date(day * DAY_MS).getUTCMonth()]; };
    Words.prototype.type = function (name) { return this.say("legend.type." + name); };

    Words.prototype.country = function (code) {
        if (!code) { return this.say("page.countries.unknown"); }
        try { var names = this.countries(); return names ? names.of(code) : code; } catch (error) { return code; }
    };

    /* Names in other languages, from the data resource and the reference layers. */
    Words.prototype.learn = function (names) { Object.assign(this.names, names || {}); };

    /* A place's name in the page's language where the gazetteer has one. */
    Words.prototype.place = function (name) {
        var forms = this.names[name];
        return forms && forms[this.lang] ? forms[this.lang] : name;
    };

    Words.prototype.label = function (label) {
        return String(label).split(LABEL_JOIN).map(this.place, this).join(LABEL_JOIN);
    };

    function say(name, fields) { return words.say(name, fields); }

    // -- small helpers ---------------------------------------------------------------------------

    /* A promise kept in a later task: the browser may paint and answer input before what follows. */
    function nextTask() {
        return new Promise(function (resolve) { setTimeout(resolve, 0); });
    }

    function element(tag, className, content) {
        var node = document.createElement(tag);
        if (className) { node.className = className; }
        if (content !== undefined && content !== null) { node.textContent = String(content); }
        return node;
    }

    function button(className, label, onClick) {
        var node = element("button", className, label);
        node.type = "button";
        node.addEventListener("click", onClick);
        return node;
    }

    function markerRadius(people) {
        return people > 0 ? Math.min(16, 5 + 1.4 * Math.sqrt(people)) : 5;
    }

    /* Announce a sentence to screen readers (the page's polite live region). */
    function announce(sentence) {
        var region = document.getElementById("launchmap-announce");
        if (!region) { return; }
        region.textContent = "";
        window.setTimeout(function () { region.textContent = sentence; }, 30);
    }

    /* A list shown a page at a time: ``render(index)`` makes one item's node. Its page buttons
       stay in place as the pages turn (a button taken out of the page under the pointer would
       let the click reach the map, which closes the popup, and would lose the focus). */
    function PagedList(className, render) {
        var list = this;
        this.box = element("div", "launchmap-paged " + (className || ""));
        this.list = element("ul", "launchmap-paged-items");
        this.nav = element("div", "launchmap-paged-nav");
        this.previous = button("launchmap-previous", say("popup.previous"), function () { list.turn(-1); });
        this.range = element("span", "launchmap-paged-range");
        this.next = button("launchmap-next", say("popup.next"), function () { list.turn(1); });
        [this.previous, this.range, this.next].forEach(function (node) { list.nav.appendChild(node); });
        this.box.appendChild(this.list);
        this.box.appendChild(this.nav);
        this.render = render;
        this.items = [];
        this.page = 0;
    }

    PagedList.prototype.show = function (items) {
        this.items = items;
        this.page = Math.min(this.page, Math.max(0, Math.ceil(items.length / LIST_PAGE) - 1));
        this._draw();
    };

    PagedList.prototype.turn = function (by) {
        this.page += by;
        this._draw();
    };

    PagedList.prototype._draw = function () {
        var list = this;
        var first = this.page * LIST_PAGE;
        var last = Math.min(this.items.length, first + LIST_PAGE);
        this.list.textContent = "";
        this.items.slice(first, last).forEach(function (item) { list.list.appendChild(list.render(item)); });
        this.nav.hidden = this.items.length <= LIST_PAGE;
        this.previous.disabled = this.page === 0;
        this.next.disabled = last >= this.items.length;
        this.range.textContent = say("popup.page", {
            first: words.number(first + 1), last: words.number(last), count: words.number(this.items.length)
        });
    };

    // -- dates and periods ----------------------------------------------------------------------

    function dayText(day) {
        return new Date(day * DAY_MS).toISOString().slice(0, 10);
    }

    function parseDay(text) {
        if (!text) { return null; }
        var time = Date.parse(text + "T00:00:00Z");
        return isNaN(time) ? null : Math.round(time / DAY_MS);
    }

    function monthStart(day, months) {
        var date = new Date(day * DAY_MS);
        return Math.round(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + (months || 0), 1) / DAY_MS);
    }

    /* The period of the time slider holding ``day``: [first day, last day]. Weeks start on Monday. */
    function periodOf(step, day) {
        if (step === "week") {
            var monday = day - (((day + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday
            return [monday, monday + 6];
        }
        var first = monthStart(day);
        return [first, monthStart(day, 1) - 1];
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

    function distanceText(metres) {
        return metres >= 1000 ? words.decimal(metres / 1000) + " km" : words.number(Math.round(metres)) + " m";
    }

    function shoreText(metres, zoneMetres) {
        if (typeof metres !== "number") { return null; }
        var distance = distanceText(Math.abs(metres));
        if (metres <= 0) { return say("popup.inland", {distance: distance}); }
        var atSea = say("popup.at_sea", {distance: distance});
        return metres <= zoneMetres ? atSea + " " + say("popup.in_zone", {metres: zoneMetres}) : atSea;
    }

    function sourceItem(source) {
        var item = element("li");
        var label = source.publisher || source.url || say("popup.source");
        if (source.url && /^https?:\/\//i.test(source.url)) {
            var link = element("a", null, label);
            link.href = source.url;
            link.target = "_blank";
            link.rel = "noopener noreferrer nofollow";
            item.appendChild(link);
        } else {
            item.appendChild(element("span", null, label));
        }
        if (source.published) { item.appendChild(element("span", null, " (" + words.day(parseDay(source.published)) + ")")); }
        if (source.quote) { item.appendChild(element("q", "launchmap-quote", source.quote)); }
        return item;
    }

    function popupTitle(p) {
        return words.type(p.event_type) + (p.place_name ? " \u2014 " + p.place_name : "");
    }

    function fillPopup(box, p, zoneMetres) {
        box.textContent = "";
        box.appendChild(element("strong", "launchmap-popup-title", popupTitle(p)));
        var facts = element("dl");
        var precision = p.date_precision && p.date_precision !== "day" ? " (" + say("popup.date_precision." + p.date_precision) + ")" : "";
        addRow(facts, say("popup.date"), p.date ? words.day(parseDay(p.date)) + precision : say("popup.unknown_date"));
        addRow(facts, say("popup.type"), words.type(p.event_type));
        if (p.review_status === "candidate") { addRow(facts, say("popup.review"), say("popup.candidate")); }
        addRow(facts, say("popup.place"), p.place_name);
        addRow(facts, say("popup.resolved"), p.place_id);
        addRow(facts, say("popup.country"), p.country ? words.country(p.country) : null);
        addRow(facts, say("popup.precision"), p.location_precision ? say("popup.precision." + p.location_precision) + (p.uncertainty_m ? " (\u00b1 " + distanceText(p.uncertainty_m) + ")" : "") : null);
        addRow(facts, say("popup.role"), p.location_role ? say("popup.role." + p.location_role) : null);
        addRow(facts, say("popup.people"), typeof p.people === "number" ? words.number(p.people) : null);
        addRow(facts, say("popup.boats"), typeof p.boats === "number" ? words.number(p.boats) : null);
        addRow(facts, say("popup.coast_km"), typeof p.coast_km === "number" ? words.decimal(p.coast_km) + " km" : null);
        addRow(facts, say("popup.shore"), shoreText(p.shore_distance_m, zoneMetres));
        addRow(facts, say("popup.nearest"), p.nearest_place ? words.place(p.nearest_place) : null);
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

    /* What the loader (loader.js) started, or the bytes inlined in element ``inlineId``: gzip in a
       standalone file, as they are in a page that carries its incidents (then the promise is
       settled already, and what waits on it runs as soon as this script has run). */
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
            hotspots: header.hotspots, minSamples: header.minSamples, places: header.places,
            names: header.names, unplaced: header.unplaced, series: header.series,
            detailsPerChunk: header.detailsPerChunk
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

    /* The details of incident ``index`` (a promise), or a message saying why they are missing. */
    DetailSource.prototype.get = function (index) {
        if (this.inline) { return Promise.resolve(this.inline[index]); }
        var data = this.data;
        var chunk = Math.floor(index / data.detailsPerChunk);
        if (!this.chunks[chunk]) {
            this.chunks[chunk] = window.launchmapLoader.fetched(this.url + "details-" + chunk + ".json.gz").then(parsedJson);
        }
        return this.chunks[chunk].then(function (chunkData) {
            if (chunkData.key !== data.key) { throw new Error(say("page.stale")); }
            return chunkData.details[index - chunkData.first];
        });
    };

    // -- the filter ---------------------------------------------------------------------------

    function Filter(data, view, dayRange) {
        this.start = parseDay(view.start);
        this.end = parseDay(view.end);
        this.candidates = !!view.candidates;
        this.step = view.step || null;
        this.shownTypes = data.types.map(function (name) {
            return !view.types.length || view.types.indexOf(name) >= 0;
        });
        if (this.step && dayRange) {
            this.showPeriod(periodOf(this.step, this.start !== null ? this.start : dayRange[0]));
        }
    }

    Filter.prototype.showPeriod = function (period) {
        this.start = period[0];
        this.end = period[1];
    };

    /* The type and review filters: whether an incident of ``type`` and ``review`` may show. */
    Filter.prototype.keepsKind = function (type, review) {
        return this.shownTypes[type] && (review !== CANDIDATE || this.candidates);
    };

    Filter.prototype.keepsDay = function (day) {
        if (this.start === null && this.end === null) { return true; }
        if (day === NONE || day === null) { return false; }
        return (this.start === null || day >= this.start) && (this.end === null || day <= this.end);
    };

    Filter.prototype.keepsRecord = function (type, day, review) {
        return this.keepsKind(type, review) && this.keepsDay(day);
    };

    Filter.prototype.select = function (data) {
        var kept = [];
        for (var index = 0; index < data.count; index += 1) {
            if (this.keepsRecord(data.type[index], data.day[index], data.review[index])) { kept.push(index); }
        }
        return kept;
    };

    // -- incidents, clustered -----------------------------------------------------------------

    /* What a reader hears for a marker: type, date, place, people. */
    function incidentName(data, index) {
        var parts = [words.type(data.types[data.type[index]]), words.day(data.day[index])];
        var place = data.place[index];
        if (place !== NO_PLACE) { parts.push(say("map.near", {place: words.place(data.places[place])})); }
        if (data.people[index] > 0) { parts.push(words.count("map.people", data.people[index])); }
        return parts.join(", ");
    }

    /* Let Tab reach a drawn marker, and Enter or Space open it, as a click would. */
    function focusable(node, label, open) {
        node.setAttribute("tabindex", "0");
        node.setAttribute("role", "button");
        node.setAttribute("aria-label", label);
        node.addEventListener("keydown", function (event) {
            if (event.key === "Enter" || event.key === " ") {
                event.preventDefault();
                event.stopPropagation();
                open(true);
            }
        });
    }

    var IncidentLayer = L.Layer.extend({
        initialize: function (app) {
            this._app = app;
            this._group = L.layerGroup();
            this._index = null;
            this.drawn = []; // what is on the map now: {point, radius} in layer pixels
        },

        onAdd: function (map) {
            this._group.addTo(map);
            map.on("moveend", this.redraw, this);
            this.redraw();
        },

        onRemove: function (map) {
            map.off("moveend", this.redraw, this);
            map.removeLayer(this._group);
            this.drawn = [];
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
            this.drawn = [];
            /* Beyond the clusters' last zoom, incidents at one point would lie on each other,
               the top one hiding the rest: they are one marker that lists them. */
            var spots = new Map();
            shown.forEach(function (item) {
                if (item.properties.cluster) {
                    this._group.addLayer(this._clusterMarker(item));
                    return;
                }
                var key = item.geometry.coordinates.join(",");
                if (!spots.has(key)) { spots.set(key, []); }
                spots.get(key).push(item.properties.index);
            }, this);
            spots.forEach(function (indices) {
                this._group.addLayer(indices.length > 1 ? this._spotMarker(indices) : this._incidentMarker(indices[0]));
            }, this);
            this.fire("redrawn");
        },

        _remember: function (latLng, radius) {
            this.drawn.push({point: this._map.latLngToLayerPoint(latLng), radius: radius});
        },

        _incidentMarker: function (index) {
            var app = this._app;
            var data = app.data;
            var kind = data.types[data.type[index]];
            var candidate = data.review[index] === CANDIDATE;
            var radius = markerRadius(data.people[index]);
            var marker = L.circleMarker([data.lat[index], data.lon[index]], {
                radius: radius,
                color: "#222",
                weight: candidate ? 2 : 1,
                dashArray: candidate ? "3 2" : null,
                fillColor: app.colors[kind] || app.colors.other,
                fillOpacity: candidate ? 0.45 : 0.85,
                className: "launchmap-incident launchmap-incident-" + kind + (candidate ? " launchmap-candidate" : "")
            });
            var open = function (byKeyboard) { app.openIncident(index, marker.getLatLng(), byKeyboard ? marker.getElement() : null); };
            marker.on("click", function () { open(false); });
            marker.on("add", function () { focusable(marker.getElement(), incidentName(data, index), open); });
            this._remember(marker.getLatLng(), radius);
            return marker;
        },

        /* A marker that stands for ``count`` incidents at ``position``; ``open(opener)`` shows
           them (``opener`` is the marker's element when a key opened it). */
        _countMarker: function (count, position, open) {
            var size = Math.round(28 + 8 * Math.log10(count));
            var label = element("span", null, words.number(count));
            var marker = L.marker(position, {
                icon: L.divIcon({html: label, className: "launchmap-cluster", iconSize: [size, size]}),
                title: words.count("map.cluster", count),
                alt: words.count("map.cluster", count),
                keyboard: true
            });
            marker.launchmapCount = count;
            var opened = function (byKeyboard) { open(byKeyboard ? marker.getElement() : null); };
            marker.on("click", function () { opened(false); });
            marker.on("add", function () { focusable(marker.getElement(), words.count("map.cluster", count), opened); });
            this._remember(position, size / 2);
            return marker;
        },

        _clusterMarker: function (cluster) {
            var layer = this;
            var position = L.latLng(cluster.geometry.coordinates[1], cluster.geometry.coordinates[0]);
            return this._countMarker(cluster.properties.point_count, position, function (opener) {
                layer._openCluster(cluster, position, opener);
            });
        },

        /* Incidents at one point, beyond the clusters' zooms: a click lists them. */
        _spotMarker: function (indices) {
            var app = this._app;
            var position = L.latLng(app.data.lat[indices[0]], app.data.lon[indices[0]]);
            return this._countMarker(indices.length, position, function (opener) { app.openList(indices, position, opener); });
        },

        _openCluster: function (cluster, position, opener) {
            var expansion = this._index.getClusterExpansionZoom(cluster.properties.cluster_id);
            if (expansion <= CLUSTER_MAX_ZOOM && expansion > this._map.getZoom()) {
                this._map.flyTo(position, expansion);
                return;
            }
            var leaves = this._index.getLeaves(cluster.properties.cluster_id, Infinity);
            this._app.openList(leaves.map(function (leaf) { return leaf.properties.index; }), position, opener);
        }
    });

    // -- hotspots: outlines that follow the filters, with labels that never overlap --------------

    /* The convex hull of points [[lon, lat] …] (monotone chain), as [lat, lon] for Leaflet. */
    function convexHull(points) {
        var sorted = points.slice().sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
        var cross = function (o, a, b) { return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]); };
        var half = function (list) {
            var chain = [];
            list.forEach(function (point) {
                while (chain.length >= 2 && cross(chain[chain.length - 2], chain[chain.length - 1], point) <= 0) { chain.pop(); }
                chain.push(point);
            });
            chain.pop();
            return chain;
        };
        var hull = half(sorted).concat(half(sorted.slice().reverse()));
        return (hull.length ? hull : sorted).map(function (point) { return [point[1], point[0]]; });
    }

    function overlaps(a, b) {
        return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    }

    var HotspotLayer = L.Layer.extend({
        initialize: function (app) {
            this._app = app;
            this._outlines = L.featureGroup();
            this._labels = L.layerGroup();
            this._measure = document.createElement("canvas").getContext("2d");
            this._measure.font = "600 12px system-ui, sans-serif";
            var data = app.data;
            this.features = data.hotspots.features;
            this.members = this.features.map(function () { return []; });
            for (var index = 0; index < data.count; index += 1) {
                if (data.hotspot[index] >= 0) { this.members[data.hotspot[index]].push(index); }
            }
            this.shown = []; // [{feature, count, outline}] of the hotspots the filters keep
        },

        onAdd: function (map) {
            this._outlines.addTo(map);
            this._labels.addTo(map);
            map.on("zoomend moveend", this.placeLabels, this);
            this._app.incidents.on("redrawn", this.placeLabels, this);
            this.placeLabels();
        },

        onRemove: function (map) {
            map.off("zoomend moveend", this.placeLabels, this);
            this._app.incidents.off("redrawn", this.placeLabels, this);
            map.removeLayer(this._outlines);
            map.removeLayer(this._labels);
        },

        /* Keep the hotspots that at least minSamples shown incidents still make, counted anew. */
        setShown: function (shownMask) {
            var data = this._app.data;
            this._outlines.clearLayers();
            this.shown = [];
            this.features.forEach(function (feature, hotspot) {
                var kept = this.members[hotspot].filter(function (index) { return shownMask[index]; });
                if (kept.length < this._app.data.minSamples) { return; }
                var every = kept.length === this.members[hotspot].length;
                var shape = every ? L.geoJSON(feature).getLayers()[0].getLatLngs()
                    : convexHull(kept.map(function (index) { return [data.lon[index], data.lat[index]]; }));
                var name = words.label(feature.properties.label) + " \u00b7 " + words.number(kept.length);
                var outline = L.polygon(shape, {color: "#6a1b9a", weight: 2, dashArray: "6 4", fillOpacity: 0.08, className: "launchmap-hotspot"});
                outline.bindTooltip(element("span", null, name), {direction: "top", className: "launchmap-hotspot-label"});
                outline.on("add", function () {
                    var node = outline.getElement();
                    node.setAttribute("tabindex", "0");
                    node.setAttribute("aria-label", words.count("map.hotspot", kept.length, {label: words.label(feature.properties.label)}));
                    node.addEventListener("focus", function () { outline.openTooltip(); });
                    node.addEventListener("blur", function () { outline.closeTooltip(); });
                });
                this._outlines.addLayer(outline);
                this.shown.push({name: name, count: kept.length, outline: outline});
            }, this);
            this.placeLabels();
        },

        /* Label the busiest hotspots first, above their outline, where the label covers no other
           label and no marker; the others show their label on hover or focus. */
        placeLabels: function () {
            if (!this._map) { return; }
            var map = this._map;
            this._labels.clearLayers();
            var taken = this._app.incidents.drawn.map(function (drawn) {
                var at = map.layerPointToContainerPoint(drawn.point);
                return {left: at.x - drawn.radius, right: at.x + drawn.radius, top: at.y - drawn.radius, bottom: at.y + drawn.radius};
            });
            var size = map.getSize();
            this.shown.slice().sort(function (a, b) { return b.count - a.count; }).forEach(function (item) {
                var bounds = item.outline.getBounds();
                var top = map.latLngToContainerPoint([bounds.getNorth(), bounds.getCenter().lng]);
                var bottom = map.latLngToContainerPoint([bounds.getSouth(), bounds.getCenter().lng]);
                var width = Math.ceil(this._measure.measureText(item.name).width) + 12;
                /* above the outline, then clear of a marker on its edge, then below it */
                var box = [top.y - 24, top.y - 44, bottom.y + 4, bottom.y + 24].map(function (y) {
                    return {left: top.x - width / 2, right: top.x + width / 2, top: y, bottom: y + 20};
                }).find(function (candidate) {
                    var inside = candidate.left >= 0 && candidate.top >= 0 && candidate.right <= size.x && candidate.bottom <= size.y;
                    return inside && !taken.some(function (other) { return overlaps(candidate, other); });
                });
                var outline = item.outline.getElement();
                if (outline) { outline.classList.toggle("launchmap-hotspot-unlabelled", !box); }
                if (!box) { return; }
                taken.push(box);
                var label = element("span", null, item.name);
                this._labels.addLayer(L.marker(map.containerPointToLatLng([top.x, box.bottom]), {
                    icon: L.divIcon({html: label, className: "launchmap-hotspot-label launchmap-hotspot-placed", iconSize: [width, 20], iconAnchor: [width / 2, 20]}),
                    interactive: false,
                    keyboard: false
                }));
            }, this);
        }
    });

    // -- the density grid (the heatmap): incidents per square, with its scale -----------------------

    /* Classes of the scale: the counts where each colour starts, growing 1, 2, 5, 10, 20, 50 … up to ``most``. */
    function densityClasses(most) {
        var starts = [1];
        var steps = [2, 5, 10];
        for (var power = 1; starts.length < HEAT_COLOURS.length; power *= 10) {
            for (var at = 0; at < steps.length && starts.length < HEAT_COLOURS.length; at += 1) {
                var next = steps[at] * power;
                if (next > most) { return starts; }
                starts.push(next);
            }
        }
        return starts;
    }

    var DensityLayer = L.Layer.extend({
        initialize: function (app) {
            this._app = app;
            this._shown = [];
            this.classes = [];
            this.cellKm = null;
        },

        onAdd: function (map) {
            this._canvas = L.DomUtil.create("canvas", "launchmap-density leaflet-zoom-hide");
            map.getPanes().overlayPane.appendChild(this._canvas);
            map.on("moveend", this._draw, this);
            this._draw();
        },

        onRemove: function (map) {
            map.off("moveend", this._draw, this);
            L.DomUtil.remove(this._canvas);
            this._canvas = null;
            this.fire("scale");
        },

        setShown: function (indices) {
            this._shown = indices;
            if (this._map) { this._draw(); }
        },

        _draw: function () {
            var map = this._map;
            var size = map.getSize();
            var canvas = this._canvas;
            L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
            canvas.width = size.x;
            canvas.height = size.y;
            var columns = Math.ceil(size.x / HEAT_CELL_PX);
            var counts = new Map();
            var data = this._app.data;
            var view = map.getBounds().pad(0.05);
            var most = 0;
            this._shown.forEach(function (index) {
                var lat = data.lat[index], lon = data.lon[index];
                if (!view.contains([lat, lon])) { return; }
                var point = map.latLngToContainerPoint([lat, lon]);
                var cell = Math.floor(point.y / HEAT_CELL_PX) * columns + Math.floor(point.x / HEAT_CELL_PX);
                var count = (counts.get(cell) || 0) + 1;
                counts.set(cell, count);
                most = Math.max(most, count);
            });
            this.classes = densityClasses(most);
            var classes = this.classes;
            var context = canvas.getContext("2d");
            context.globalAlpha = 0.7;
            counts.forEach(function (count, cell) {
                var level = 0;
                while (level + 1 < classes.length && count >= classes[level + 1]) { level += 1; }
                context.fillStyle = HEAT_COLOURS[level];
                context.fillRect((cell % columns) * HEAT_CELL_PX, Math.floor(cell / columns) * HEAT_CELL_PX, HEAT_CELL_PX - 1, HEAT_CELL_PX - 1);
            });
            var centre = map.getCenter();
            var metresPerPixel = 40075016.686 * Math.cos(centre.lat * Math.PI / 180) / Math.pow(2, map.getZoom() + 8);
            this.cellKm = metresPerPixel * HEAT_CELL_PX / 1000;
            this.fire("scale");
        }
    });

    // -- the panel: search, dates, time slider, event types (the legend), layers, notes -----------

    function Panel(app, box) {
        this.app = app;
        this.box = box;
    }

    Panel.prototype.build = function () {
        var app = this.app;
        var box = this.box;
        box.appendChild(this._search());
        box.appendChild(this._dates());
        box.appendChild(this._time());
        box.appendChild(this._types());
        box.appendChild(this._layers());
        box.appendChild(this._sizes());
        this.hotspotNote = box.appendChild(element("p", "launchmap-note launchmap-hotspot-note"));
        this.heatScale = box.appendChild(element("div", "launchmap-heat-scale"));
        this.heatScale.hidden = true;
        var unplaced = app.data.total - app.data.count;
        if (unplaced) { box.appendChild(element("p", "launchmap-note launchmap-unplaced-note", words.count(app.chrome === "full" ? "legend.unplaced_listed" : "legend.unplaced", unplaced))); }
        if (app.snippetUrl) {
            app.embedLink = element("a", "launchmap-embed-link", say("map.embed"));
            app.embedLink.target = "_blank";
            box.appendChild(element("p", "launchmap-note")).appendChild(app.embedLink);
        }
    };

    Panel.prototype._search = function () {
        var app = this.app;
        var form = element("form", "launchmap-search");
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
                option.value = words.place(place[0]);
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
            report(app.findPlace(input.value, report));
        });
        input.addEventListener("change", function () { report(app.findPlace(input.value, report)); });
        return form;
    };

    Panel.prototype._dates = function () {
        var app = this.app;
        var row = element("fieldset", "launchmap-dates");
        row.appendChild(element("legend", null, say("filter.dates")));
        var problem = element("p", "launchmap-date-problem");
        problem.setAttribute("role", "alert");
        problem.hidden = true;
        var inputs = {};
        var apply = function () {
            var start = parseDay(inputs.start.value), end = parseDay(inputs.end.value);
            var inverted = start !== null && end !== null && start > end;
            problem.hidden = !inverted;
            problem.textContent = inverted ? say("filter.inverted", {start: words.day(start), end: words.day(end)}) : "";
            [inputs.start, inputs.end].forEach(function (input) { input.setAttribute("aria-invalid", String(inverted)); });
            if (inverted) { app.explainInverted(); return; }
            app.setDates(start, end, null);
        };
        [["start", "filter.from"], ["end", "filter.to"]].forEach(function (pair) {
            var label = element("label", null, say(pair[1]) + " ");
            var input = element("input");
            input.type = "date";
            input.name = pair[0];
            input.className = "launchmap-date-" + pair[0];
            if (app.dayRange) { input.min = dayText(app.dayRange[0]); input.max = dayText(app.dayRange[1]); }
            input.addEventListener("change", apply);
            inputs[pair[0]] = input;
            label.appendChild(input);
            row.appendChild(label);
        });
        row.appendChild(button("launchmap-all-dates", say("filter.all_dates"), function () {
            inputs.start.value = inputs.end.value = "";
            apply();
        }));
        row.appendChild(problem);
        this.dateInputs = inputs;
        this.dateProblem = problem;
        return row;
    };

    /* The date inputs show the filter's range (after the time slider moved it, say). */
    Panel.prototype.showDates = function () {
        var filter = this.app.filter;
        this.dateInputs.start.value = filter.start === null ? "" : dayText(filter.start);
        this.dateInputs.end.value = filter.end === null ? "" : dayText(filter.end);
        this.dateProblem.hidden = true;
        this.dateInputs.start.setAttribute("aria-invalid", "false");
        this.dateInputs.end.setAttribute("aria-invalid", "false");
    };

    Panel.prototype._time = function () {
        var app = this.app;
        var row = element("fieldset", "launchmap-time");
        row.appendChild(element("legend", null, say("filter.time")));
        var step = element("select", "launchmap-step");
        step.setAttribute("aria-label", say("filter.step"));
        [["", "filter.step_off"], ["week", "filter.step_week"], ["month", "filter.step_month"]].forEach(function (pair) {
            var option = element("option", null, say(pair[1]));
            option.value = pair[0];
            step.appendChild(option);
        });
        var slider = element("input", "launchmap-slider");
        slider.type = "range";
        slider.min = "0";
        slider.setAttribute("aria-label", say("filter.slider"));
        var play = button("launchmap-play", say("filter.play"), function () { app.togglePlay(); });
        var shown = element("output", "launchmap-period");
        step.addEventListener("change", function () { app.setStep(step.value || null); });
        slider.addEventListener("input", function () { app.showPeriodAt(Number(slider.value)); });
        row.appendChild(step);
        row.appendChild(play);
        row.appendChild(slider);
        row.appendChild(shown);
        this.time = {step: step, slider: slider, play: play, shown: shown};
        row.hidden = !app.dayRange;
        return row;
    };

    /* The slider shows the filter's period, or rests when no step is chosen. */
    Panel.prototype.showTime = function () {
        var app = this.app;
        var filter = app.filter;
        var time = this.time;
        time.step.value = filter.step || "";
        var periods = app.periods();
        time.slider.disabled = time.play.disabled = !filter.step;
        time.slider.max = String(Math.max(0, periods.length - 1));
        time.play.textContent = say(app.playing ? "filter.pause" : "filter.play");
        time.play.setAttribute("aria-pressed", String(!!app.playing));
        if (!filter.step || filter.start === null) { time.shown.textContent = ""; return; }
        var at = periods.indexOf(filter.start);
        time.slider.value = String(Math.max(0, at));
        time.shown.textContent = filter.step === "week" ? say("filter.week", {date: words.day(filter.start)}) : words.month(filter.start);
        time.slider.setAttribute("aria-valuetext", time.shown.textContent);
    };

    Panel.prototype._types = function () {
        var app = this.app;
        var list = element("fieldset", "launchmap-types");
        list.appendChild(element("legend", null, say("filter.types")));
        this.typeCounts = [];
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
            label.appendChild(element("span", null, words.type(name)));
            this.typeCounts[typeIndex] = label.appendChild(element("span", "launchmap-type-count"));
            list.appendChild(label);
        }, this);
        if (app.candidateTotal) {
            var label = element("label", "launchmap-candidates");
            var box = element("input");
            box.type = "checkbox";
            box.checked = app.filter.candidates;
            box.addEventListener("change", function () {
                app.filter.candidates = box.checked;
                app.applyFilter();
            });
            label.appendChild(box);
            label.appendChild(element("span", null, words.count("filter.candidates", app.candidateTotal)));
            list.appendChild(label);
        }
        return list;
    };

    Panel.prototype._layers = function () {
        var app = this.app;
        var box = element("fieldset", "launchmap-layers");
        box.appendChild(element("legend", null, say("layer.title")));
        app.overlays.forEach(function (overlay) {
            var label = element("label", "launchmap-layer");
            var input = element("input");
            input.type = "checkbox";
            input.value = overlay.id;
            input.checked = app.map.hasLayer(overlay.layer) || !!overlay.pending;
            input.addEventListener("change", function () { app.showLayer(overlay, input.checked); });
            overlay.input = input;
            label.appendChild(input);
            label.appendChild(element("span", null, overlay.name));
            box.appendChild(label);
        });
        var bases = element("fieldset", "launchmap-bases");
        bases.appendChild(element("legend", null, say("layer.base")));
        app.baseLayers.forEach(function (base, index) {
            var label = element("label", "launchmap-base");
            var input = element("input");
            input.type = "radio";
            input.name = "launchmap-base";
            input.value = base.id;
            input.checked = base === app.base;
            input.addEventListener("change", function () { if (input.checked) { app.showBase(base); } });
            label.appendChild(input);
            label.appendChild(element("span", null, base.name));
            bases.appendChild(label);
        });
        box.appendChild(bases);
        return box;
    };

    Panel.prototype._sizes = function () {
        var row = element("div", "launchmap-sizes");
        row.appendChild(element("span", null, say("legend.sizes") + " "));
        [1, 10, 50].forEach(function (people) {
            var dot = element("i", "launchmap-size-dot");
            var diameter = Math.round(2 * markerRadius(people));
            dot.style.width = dot.style.height = diameter + "px";
            row.appendChild(dot);
            row.appendChild(element("span", null, words.number(people) + (people === 50 ? "+ " : " ")));
        });
        return row;
    };

    /* The counts of each type shown, and the line that sums them up. */
    Panel.prototype.showCounts = function (shown) {
        var app = this.app;
        var data = app.data;
        var counts = data.types.map(function () { return 0; });
        shown.forEach(function (index) { counts[data.type[index]] += 1; });
        this.typeCounts.forEach(function (node, typeIndex) {
            if (node) { node.textContent = words.number(counts[typeIndex]) + " / " + words.number(app.typeTotals[typeIndex]); }
        });
        app.countNode.textContent = words.count("map.count", app.shownTotal(), {shown: words.number(shown.length)});
        var hotspots = app.hotspots.shown.length;
        this.hotspotNote.hidden = !app.data.hotspots.features.length;
        this.hotspotNote.textContent = words.count("legend.hotspots", hotspots, {least: words.number(data.minSamples)});
    };

    /* The heatmap's scale: a swatch per class with its counts, and the size of a square. */
    Panel.prototype.showHeatScale = function (density) {
        var box = this.heatScale;
        box.textContent = "";
        box.hidden = !this.app.map.hasLayer(density) || !density.classes.length;
        if (box.hidden) { return; }
        box.appendChild(element("p", null, say("legend.heat", {km: words.decimal(density.cellKm)})));
        var row = element("div", "launchmap-heat-row");
        density.classes.forEach(function (start, level) {
            var next = density.classes[level + 1];
            var swatch = element("i", "launchmap-heat-swatch");
            swatch.style.background = HEAT_COLOURS[level];
            row.appendChild(swatch);
            var range = next === undefined ? words.number(start) + "+" : next - 1 === start ? words.number(start) : words.number(start) + "\u2013" + words.number(next - 1);
            row.appendChild(element("span", null, range));
        });
        box.appendChild(row);
    };

    /* The one button that opens the panel as a sheet (on a phone, or in an embed). */
    var PanelToggle = L.Control.extend({
        options: {position: "topright"},

        initialize: function (app) {
            L.setOptions(this, {});
            this._app = app;
        },

        onAdd: function () {
            var app = this._app;
            var control = element("div", "leaflet-control launchmap-toggle");
            var toggle = button("launchmap-toggle-button", say(app.chrome === "full" ? "page.menu" : "page.legend"), function () { app.openPanel(!app.panelOpen); });
            toggle.setAttribute("aria-controls", "launchmap-panel");
            toggle.setAttribute("aria-expanded", "false");
            app.toggleButton = toggle;
            control.appendChild(toggle);
            L.DomEvent.disableClickPropagation(control);
            return control;
        }
    });

    // -- the chart: coast kilometre against date, with the country-level series below ------------

    function Chart(app, canvas) {
        this.app = app;
        this.canvas = canvas;
        this.points = []; // what is drawn, for the hover: [x, y, index]
        this.bars = []; // [x, width, day, people]
        this.tip = canvas.parentNode.appendChild(element("div", "launchmap-chart-tip"));
        this.tip.hidden = true;
        canvas.addEventListener("mousemove", this._hover.bind(this));
        canvas.addEventListener("mouseleave", function () { this.tip.hidden = true; }.bind(this));
    }

    /* The time axis: every day of the data (the slider's window shaded), or the date filter's range. */
    Chart.prototype._days = function () {
        var app = this.app;
        var days = app.dayRange;
        if (app.filter.step) { return days; }
        return [app.filter.start !== null ? app.filter.start : days[0], app.filter.end !== null ? app.filter.end : days[1]];
    };

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
        context.font = "11px system-ui, sans-serif";
        this.points = [];
        this.bars = [];
        var app = this.app;
        if (!app.dayRange || !app.kmRange) {
            context.fillStyle = "#555";
            context.fillText(say("chart.empty"), 10, 20);
            canvas.dataset.drawn = "0";
            return;
        }
        var places = app.chartPlaces.map(function (place) { return [words.place(place[0]), place[1]]; });
        var labelWidth = places.reduce(function (widest, place) {
            return Math.max(widest, context.measureText(place[0] + " " + Math.round(place[1])).width);
        }, 0);
        var series = app.seriesShown();
        var frame = {left: Math.ceil(labelWidth) + 24, right: 10, top: 10, bottom: 44};
        var plot = {width: width - frame.left - frame.right, height: height - frame.top - frame.bottom};
        var band = series.days.length ? Math.round(plot.height * 0.22) : 0;
        var days = this._days();
        var spanDays = Math.max(1, days[1] - days[0]);
        var kms = app.kmRange;
        var spanKm = Math.max(1, kms[1] - kms[0]);
        var scale = {
            x: function (day) { return frame.left + (day - days[0]) / spanDays * plot.width; },
            y: function (km) { return frame.top + (km - kms[0]) / spanKm * (plot.height - band - (band ? 6 : 0)); }
        };
        this._frame(context, frame, plot, band, days, scale, places);
        this._series(context, frame, plot, band, series, scale);
        var drawn = this._incidents(context, shown, scale, days);
        canvas.dataset.drawn = String(drawn);
    };

    Chart.prototype._frame = function (context, frame, plot, band, days, scale, places) {
        var filter = this.app.filter;
        context.strokeStyle = "#999";
        context.fillStyle = "#333";
        context.strokeRect(frame.left, frame.top, plot.width, plot.height);
        if (filter.step && filter.start !== null) {
            context.fillStyle = "rgba(38, 70, 120, 0.12)";
            var left = scale.x(filter.start);
            context.fillRect(left, frame.top, Math.max(2, scale.x(filter.end + 1) - left), plot.height);
            context.fillStyle = "#333";
        }
        context.textAlign = "right";
        places.forEach(function (place) {
            var level = scale.y(place[1]);
            if (level < frame.top || level > frame.top + plot.height - band) { return; }
            context.fillText(place[0] + " " + Math.round(place[1]), frame.left - 4, level + 4);
        });
        this._timeTicks(context, frame, plot, days, scale);
        context.textAlign = "center";
        context.fillText(say("chart.axis_date"), frame.left + plot.width / 2, frame.top + plot.height + 38);
        context.save();
        context.translate(10, frame.top + (plot.height - band) / 2);
        context.rotate(-Math.PI / 2);
        context.fillText(say("chart.axis_km"), 0, 0);
        context.restore();
    };

    /* Years along the time axis, and months when the span is short enough to name them. */
    Chart.prototype._timeTicks = function (context, frame, plot, days, scale) {
        var span = days[1] - days[0];
        var monthly = span < 800;
        var every = span < 120 ? 1 : span < 400 ? 3 : 6;
        var bottom = frame.top + plot.height;
        var years = 0;
        context.textAlign = "center";
        for (var day = monthStart(days[0]); day <= days[1]; day = monthStart(day, 1)) {
            if (day < days[0]) { continue; }
            var month = new Date(day * DAY_MS).getUTCMonth();
            var x = scale.x(day);
            if (month === 0) {
                context.fillRect(x, bottom, 1, 6);
                context.fillText(String(new Date(day * DAY_MS).getUTCFullYear()), x, bottom + 26);
                years += 1;
            }
            if (monthly && month % every === 0) {
                context.fillRect(x, bottom, 1, 3);
                context.fillText(words.shortMonth(day), x, bottom + 13);
            }
        }
        if (!years) { // no new year inside the range: name the one it is in
            context.textAlign = "left";
            context.fillText(String(new Date(days[0] * DAY_MS).getUTCFullYear()), frame.left + 2, bottom + 26);
        }
    };

    /* The country-level series (people a day) as bars in a band along the bottom. */
    Chart.prototype._series = function (context, frame, plot, band, series, scale) {
        if (!band) { return; }
        var most = Math.max.apply(null, series.people.concat([1]));
        var bottom = frame.top + plot.height;
        var width = Math.max(1, plot.width / Math.max(1, this._days()[1] - this._days()[0]));
        context.fillStyle = "rgba(44, 160, 44, 0.55)";
        series.days.forEach(function (day, at) {
            var tall = series.people[at] / most * (band - 4);
            var x = scale.x(day);
            context.fillRect(x, bottom - tall, width, tall);
            this.bars.push([x, width, day, series.people[at], series.names[at]]);
        }, this);
        context.fillStyle = "#333";
        context.textAlign = "left";
        context.fillText(say("chart.series", {most: words.number(most)}), frame.left + 4, bottom - band + 10);
    };

    Chart.prototype._incidents = function (context, shown, scale, days) {
        var app = this.app;
        var data = app.data;
        var filter = app.filter;
        var drawn = 0;
        var draw = function (index, colour, size) {
            var day = data.day[index];
            var km = data.chart_km[index];
            if (day === NONE || isNaN(km) || day < days[0] || day > days[1]) { return false; }
            var x = scale.x(day), y = scale.y(km);
            context.fillStyle = colour;
            context.fillRect(x - size / 2, y - size / 2, size, size);
            return [x, y];
        };
        if (filter.step) { // the rest of the data, faint, for the window to move along
            for (var index = 0; index < data.count; index += 1) {
                if (filter.keepsKind(data.type[index], data.review[index])) { draw(index, "rgba(120, 120, 120, 0.35)", 2); }
            }
        }
        shown.forEach(function (index) {
            var at = draw(index, app.colors[data.types[data.type[index]]], data.people[index] > 40 ? 4 : 3);
            if (at) { this.points.push([at[0], at[1], index]); drawn += 1; }
        }, this);
        return drawn;
    };

    /* Name the incident (or the day of the series) under the pointer. */
    Chart.prototype._hover = function (event) {
        var box = this.canvas.getBoundingClientRect();
        var x = event.clientX - box.left, y = event.clientY - box.top;
        var best = null, bestDistance = 64;
        this.points.forEach(function (point) {
            var distance = (point[0] - x) * (point[0] - x) + (point[1] - y) * (point[1] - y);
            if (distance < bestDistance) { best = point; bestDistance = distance; }
        });
        var text = null;
        if (best) {
            var data = this.app.data;
            text = incidentName(data, best[2]);
            if (!isNaN(data.chart_km[best[2]])) { text += ", " + say("chart.km", {km: words.decimal(data.chart_km[best[2]])}); }
        } else {
            var bar = this.bars.find(function (item) { return x >= item[0] - 1 && x <= item[0] + item[1] + 1 && y > box.height - 60; });
            if (bar) { text = say("chart.series_day", {date: words.day(bar[2]), people: words.count("map.people", bar[3]), name: bar[4]}); }
        }
        this.tip.hidden = text === null;
        if (text === null) { return; }
        this.tip.textContent = text;
        this.tip.style.left = Math.min(x + 12, box.width - 180) + "px";
        this.tip.style.top = Math.max(0, y - 34) + "px";
    };

    // -- incidents placed only by country: a list, and the series' totals ---------------------------

    function CountryList(app, box) {
        this.app = app;
        this.box = box;
        this.summary = box.appendChild(element("ul", "launchmap-series-totals"));
        this.list = new PagedList("launchmap-country-items", function (item) {
            var parts = [words.day(item.day), words.type(app.data.types[item.type]), words.country(item.country)];
            if (item.people !== null) { parts.push(words.count("map.people", item.people)); }
            return element("li", null, parts.join(" \u00b7 "));
        });
        box.appendChild(this.list.box);
        this.empty = box.appendChild(element("p", "launchmap-note", say("page.countries.none")));
    }

    CountryList.prototype.show = function () {
        var app = this.app;
        var unplaced = app.data.unplaced;
        var items = [];
        unplaced.type.forEach(function (type, at) {
            if (!app.filter.keepsRecord(type, unplaced.day[at], unplaced.review[at])) { return; }
            items.push({type: type, day: unplaced.day[at], people: unplaced.people[at], country: unplaced.country[at]});
        });
        items.sort(function (a, b) { return (b.day === null ? -Infinity : b.day) - (a.day === null ? -Infinity : a.day); });
        this.list.show(items);
        this.summary.textContent = "";
        app.data.series.forEach(function (series) {
            var people = 0, days = 0;
            series.day.forEach(function (day, at) {
                if (!app.filter.keepsRecord(series.type, day, series.review[at])) { return; }
                days += 1;
                people += series.people[at] || 0;
            });
            this.summary.appendChild(element("li", null, words.count("page.countries.series", days, {
                name: series.name, country: words.country(series.country), people: words.count("map.people", people)
            })));
        }, this);
        this.empty.hidden = items.length > 0 || app.data.series.length > 0;
    };

    // -- the application ------------------------------------------------------------------------

    function App(made, config, data) {
        this.map = made.map;
        this.baseLayers = made.bases;
        this.base = made.base; // shown once the incidents are drawn (showBaseSoon)
        this.config = config;
        this.data = data;
        this.colors = config.colors;
        this.chrome = config.chrome;
        this.places = []; // the reference layers bring them (useReference)
        this.placeSearch = config.placeSearch;
        this.snippetUrl = config.snippetUrl;
        this.view = config.view;
        this.keep = config.keep;
        this.defaultLayers = config.defaultLayers;
        this.layerNames = config.layerNames;
        this.chartPlaces = [];
        this.countNode = document.querySelector(".launchmap-count");
        words.learn(data.names);
        this.details = new DetailSource(data, config.dataUrl, config.details);
        this._measure();
        this.filter = new Filter(data, config.view, this.dayRange);
        this.incidents = new IncidentLayer(this);
        this.density = new DensityLayer(this);
        this.hotspots = new HotspotLayer(this);
        this.overlays = [
            {id: "incidents", name: say("layer.incidents"), layer: this.incidents},
            {id: "hotspots", name: say("layer.hotspots"), layer: this.hotspots},
            {id: "heatmap", name: say("layer.heat"), layer: this.density}
        ];
        this.lastGoodQuery = null;
        this.playing = null;
    }

    App.prototype._measure = function () {
        var data = this.data;
        var typeTotals = data.types.map(function () { return 0; });
        var firstDay = null, lastDay = null, lowKm = null, highKm = null, placedCandidates = 0;
        for (var index = 0; index < data.count; index += 1) {
            typeTotals[data.type[index]] += 1;
            placedCandidates += data.review[index] === CANDIDATE ? 1 : 0;
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
        this.placedCandidates = placedCandidates;
        this.candidateTotal = data.unplaced.review.reduce(function (sum, review) {
            return sum + (review === CANDIDATE ? 1 : 0);
        }, placedCandidates);
        this.dayRange = firstDay === null ? null : [firstDay, lastDay];
        this.kmRange = lowKm === null ? null : [Math.min(lowKm, this._firstMark()), Math.max(highKm, this._lastMark())];
    };

    /* The search's places, the chart's axis and more names come with the reference layers. */
    App.prototype.useReference = function (reference) {
        this.places = reference.places;
        this.placeIndex = null; // made from them at the first search
        this.chartPlaces = reference.chartPlaces;
        words.learn(reference.names);
        this._measure();
    };

    App.prototype._firstMark = function () {
        return this.chartPlaces.length ? this.chartPlaces[0][1] : Infinity;
    };

    App.prototype._lastMark = function () {
        return this.chartPlaces.length ? this.chartPlaces[this.chartPlaces.length - 1][1] : -Infinity;
    };

    /* How many placed incidents the count line counts: those the review filter lets in. */
    App.prototype.shownTotal = function () {
        return this.data.count - (this.filter.candidates ? 0 : this.placedCandidates);
    };

    /* Popups belong to the map, not to a marker: markers are redrawn as the map moves. */
    App.prototype.openIncident = function (index, position, opener) {
        var app = this;
        var box = element("div", "launchmap-popup");
        box.appendChild(element("strong", "launchmap-popup-title", incidentName(this.data, index)));
        var popup = this._popup(box, position, opener);
        this.details.get(index)
            .then(function (details) { fillPopup(box, details, app.config.zoneMetres); })
            .catch(function (error) { box.appendChild(element("p", null, say("popup.failed", {reason: error.message}))); })
            .then(function () { popup.update(); app._announce(popup); });
    };

    /* The incidents stacked at one spot, newest first, a page at a time. */
    App.prototype.openList = function (indices, position, opener) {
        var app = this;
        var data = this.data;
        var sorted = indices.slice().sort(function (a, b) { return data.day[b] - data.day[a] || b - a; });
        var box = element("div", "launchmap-popup launchmap-list");
        box.appendChild(element("strong", "launchmap-popup-title", words.count("popup.list_title", sorted.length)));
        var list = new PagedList(null, function (index) {
            var item = element("li");
            item.appendChild(button(null, incidentName(data, index), function () { app.openIncident(index, position, opener); }));
            return item;
        });
        list.show(sorted);
        box.appendChild(list.box);
        box.style.maxHeight = Math.max(120, this.map.getSize().y - 110) + "px";
        var popup = this._popup(box, position, opener);
        this._announce(popup);
    };

    App.prototype._popup = function (box, position, opener) {
        var popup = L.popup({maxWidth: 320, autoPanPadding: [12, 12]}).setLatLng(position).setContent(box).openOn(this.map);
        var container = popup.getElement();
        container.setAttribute("role", "dialog");
        container.setAttribute("aria-label", box.firstChild.textContent);
        if (opener) {
            box.setAttribute("tabindex", "-1");
            box.focus();
            popup.once("remove", function () { if (document.body.contains(opener)) { opener.focus(); } });
        }
        return popup;
    };

    App.prototype._announce = function (popup) {
        var title = popup.getElement() && popup.getElement().querySelector(".launchmap-popup-title");
        if (title) { announce(say("popup.opened", {title: title.textContent})); }
    };

    /* Move the map to a place named in the search box; answer what to show as the status.
       A served page asks the server's geocoder (and ``report``s its answer when it comes);
       a standalone file or a published folder matches the reference layers' name index. */
    App.prototype.findPlace = function (text, report) {
        var wanted = foldName(text || "");
        if (!wanted) { return ""; }
        if (this.placeSearch.geocodeUrl) { return this._askGeocoder(text, report); }
        this.placeIndex = this.placeIndex || new PlaceIndex(this.places, this.placeSearch);
        var match = this.placeIndex.find(wanted);
        if (match === null) { return say("search.none", {text: text}); }
        return this._showPlace(match[0], match[1], match[2], match[3]);
    };

    App.prototype._askGeocoder = function (text, report) {
        var app = this;
        fetch(this.placeSearch.geocodeUrl + "?q=" + encodeURIComponent(text), {headers: {Accept: "application/geo+json"}})
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (feature) {
                var found = feature && feature.properties;
                if (found && feature.geometry) {
                    var point = feature.geometry.coordinates;
                    report(app._showPlace(found.name, point[1], point[0], SEARCH_ZOOM[found.location_precision] || 12));
                } else if (found && found.organisation) {
                    report(say("search.organisation", {name: found.name}));
                } else {
                    report(say("search.none", {text: text}));
                }
            })
            .catch(function () { report(say("search.failed")); });
        return say("search.waiting");
    };

    App.prototype._showPlace = function (name, lat, lon, zoom) {
        var shown = words.place(name);
        this.map.setView([lat, lon], zoom);
        if (this._found) { this.map.removeLayer(this._found); }
        this._found = L.circleMarker([lat, lon], {radius: 10, color: "#000", weight: 2, fill: false, className: "launchmap-found"})
            .bindTooltip(element("span", null, shown), {permanent: true, direction: "right"})
            .addTo(this.map);
        if (this.panelOpen) { this.openPanel(false); }
        return shown;
    };

    /* Dates from the date inputs (or none): the slider rests, the range is shown. */
    App.prototype.setDates = function (start, end) {
        this.stopPlay();
        this.filter.step = null;
        this.filter.start = start;
        this.filter.end = end;
        this.applyFilter();
    };

    /* An inverted range is explained beside the inputs; the map, address and links keep the last good view. */
    App.prototype.explainInverted = function () {
        this.stopPlay();
        announce(this.panel.dateProblem.textContent);
    };

    /* The slider's periods: the start of every week or month from the first dated incident to the last. */
    App.prototype.periods = function () {
        var filter = this.filter;
        if (!filter.step || !this.dayRange) { return []; }
        var found = [];
        for (var day = periodOf(filter.step, this.dayRange[0])[0]; day <= this.dayRange[1]; day = periodOf(filter.step, day)[1] + 1) {
            found.push(day);
        }
        return found;
    };

    App.prototype.setStep = function (step) {
        this.stopPlay();
        this.filter.step = step;
        if (step) {
            this.filter.showPeriod(periodOf(step, this.filter.start !== null ? this.filter.start : this.dayRange[0]));
        } else {
            this.filter.start = this.filter.end = null;
        }
        this.applyFilter();
    };

    App.prototype.showPeriodAt = function (at) {
        var periods = this.periods();
        if (!periods.length) { return; }
        this.filter.showPeriod(periodOf(this.filter.step, periods[Math.max(0, Math.min(periods.length - 1, at))]));
        this.applyFilter();
    };

    App.prototype.togglePlay = function () {
        if (this.playing) { this.stopPlay(); this.panel.showTime(); return; }
        var app = this;
        var periods = this.periods();
        if (periods.indexOf(this.filter.start) >= periods.length - 1) { this.showPeriodAt(0); }
        this.playing = window.setInterval(function () {
            var at = app.periods().indexOf(app.filter.start);
            if (at < 0 || at >= periods.length - 1) { app.stopPlay(); app.panel.showTime(); return; }
            app.showPeriodAt(at + 1);
        }, PLAY_MS);
        this.panel.showTime();
    };

    App.prototype.stopPlay = function () {
        if (this.playing) { window.clearInterval(this.playing); }
        this.playing = null;
    };

    /* The incidents the filters keep, chosen anew, and everything that shows them. */
    App.prototype.applyFilter = function () {
        this.shown = this.filter.select(this.data);
        this._showShown(true);
    };

    /* Everything that shows the filtered incidents (this.shown), brought up to date together:
       one part failing (it should not) leaves the others current, and says so in the console.
       The markers too, unless ``withMarkers`` is false because showIncidents has just drawn them. */
    App.prototype._showShown = function (withMarkers) {
        var app = this;
        var shown = this.shown;
        var mask = new Uint8Array(this.data.count);
        shown.forEach(function (index) { mask[index] = 1; });
        [
            function () { if (withMarkers) { app.incidents.setShown(shown); } },
            function () { app.hotspots.setShown(mask); },
            function () { app.density.setShown(shown); },
            function () { app.panel.showCounts(shown); },
            function () { app.panel.showDates(); },
            function () { app.panel.showTime(); },
            function () { if (app.chart && app.chartReady) { app.chart.draw(shown); } },
            function () { if (app.countries && app.chartReady) { app.countries.show(); } },
            function () { app.rememberView(); }
        ].forEach(function (update) {
            try { update(); } catch (error) { console.error(error); }
        });
    };

    /* The series' days the filters keep: [days], [people], [names]. */
    App.prototype.seriesShown = function () {
        var filter = this.filter;
        var found = {days: [], people: [], names: []};
        var days = this.chart ? this.chart._days() : this.dayRange;
        this.data.series.forEach(function (series) {
            series.day.forEach(function (day, at) {
                var inChart = filter.step ? day >= days[0] && day <= days[1] : filter.keepsRecord(series.type, day, series.review[at]);
                if (!inChart || !filter.shownTypes[series.type] || series.people[at] === null) { return; }
                if (series.review[at] === CANDIDATE && !filter.candidates) { return; }
                found.days.push(day);
                found.people.push(series.people[at]);
                found.names.push(series.name);
            });
        });
        return found;
    };

    /* Show the overlays the view names (its ``layers``) among those made so far. */
    App.prototype.showOverlays = function () {
        this.overlays.forEach(function (overlay) {
            if (this.view.layers.indexOf(overlay.id) >= 0 && !this.map.hasLayer(overlay.layer)) { this.showLayer(overlay, true); }
        }, this);
    };

    /* The overlays shown, as the address's ``layers`` (null when they are the default ones);
       one not made yet (the reference layers come last) counts as the view has it. */
    App.prototype.shownOverlays = function () {
        var shown = this.layerNames.filter(function (name) {
            var overlay = this.overlays.filter(function (item) { return item.id === name; })[0];
            return overlay ? this.map.hasLayer(overlay.layer) : this.view.layers.indexOf(name) >= 0;
        }, this);
        return shown.join(",") === this.defaultLayers.join(",") ? null : (shown.join(",") || "none");
    };

    /* The filters and view as query parameters, as /map, /embed and the images read them;
       the reporter's text and choices the page does not change (``keep``: its base map, its
       language when the address names it, the caption) go along. */
    App.prototype.viewQuery = function (withView) {
        var query = new URLSearchParams(this.keep);
        var filter = this.filter;
        if (filter.start !== null) { query.set("start", dayText(filter.start)); }
        if (filter.end !== null) { query.set("end", dayText(filter.end)); }
        var data = this.data;
        if (filter.shownTypes.indexOf(false) >= 0) {
            query.set("types", data.types.filter(function (name, index) { return filter.shownTypes[index]; }).join(","));
        }
        if (filter.candidates) { query.set("candidates", "true"); }
        if (filter.step) { query.set("step", filter.step); }
        if (withView) {
            var centre = this.map.getCenter();
            query.set("lat", centre.lat.toFixed(5));
            query.set("lon", centre.lng.toFixed(5));
            query.set("zoom", String(Math.min(18, Math.max(3, Math.round(this.map.getZoom())))));
        }
        var layers = this.shownOverlays();
        if (layers !== null) { query.set("layers", layers); }
        return query.toString();
    };

    /* Keep the address, the embed link and the chart's download link in step with what is shown. */
    App.prototype.rememberView = function () {
        if (!this.started) { return; }
        var query = this.viewQuery(true);
        if (this.embedLink) { this.embedLink.href = this.snippetUrl + "?" + query; }
        var download = document.querySelector(".launchmap-chart-download");
        if (download && this.config.chartImageUrl) {
            var filters = this.viewQuery(false);
            download.href = this.config.chartImageUrl.split("?")[0] + (filters ? "?" + filters : "");
        }
        if (this.snippetUrl && this.chrome === "full") { history.replaceState(null, "", "?" + query); }
    };

    /* Open or close the panel as a sheet (it is always open beside a wide map). */
    App.prototype.openPanel = function (open) {
        this.panelOpen = open;
        document.body.classList.toggle("launchmap-open", open);
        this.toggleButton.setAttribute("aria-expanded", String(open));
        if (open) {
            var first = document.querySelector("#launchmap-panel .launchmap-close");
            if (first) { first.focus(); }
            if (this.chart && this.chartReady) { this.chart.draw(this.shown); }
        } else {
            this.toggleButton.focus();
        }
    };

    App.prototype.showLayer = function (overlay, shown) {
        if (shown) { this.map.addLayer(overlay.layer); } else { this.map.removeLayer(overlay.layer); }
        if (overlay.input) { overlay.input.checked = shown; }
        if (overlay.layer === this.density && this.panel) { this.panel.showHeatScale(this.density); }
        this.rememberView();
    };

    App.prototype.showBase = function (base) {
        var map = this.map;
        this.baseLayers.forEach(function (other) { if (other !== base && map.hasLayer(other.layer)) { map.removeLayer(other.layer); } });
        base.layer.addTo(map);
        if (base.layer.bringToBack) { base.layer.bringToBack(); }
        this.keep.base = base.id;
        this.rememberView();
    };

    /* The incidents the filters keep, on the map: what a reader needs to start using it.
       Drawn in the task that makes the map; the panel, the hotspots and the heat map come in
       the next (start), so that the browser paints the markers in between. */
    App.prototype.showIncidents = function () {
        this.shown = this.filter.select(this.data);
        this.incidents.setShown(this.shown);
        if (this.view.layers.indexOf("incidents") >= 0) { this.map.addLayer(this.incidents); }
    };

    /* The panel and its toggle, the overlays the view names, the chart's and countries' boxes. */
    App.prototype.start = function () {
        var app = this;
        this.panel = new Panel(this, document.getElementById("launchmap-controls"));
        this.panel.build();
        this.density.on("scale", function () { app.panel.showHeatScale(app.density); });
        this.showOverlays();
        new PanelToggle(this).addTo(this.map);
        var head = document.querySelector(".launchmap-panel-head");
        head.appendChild(button("launchmap-close", say("page.close"), function () { app.openPanel(false); }));
        document.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && app.panelOpen) { app.openPanel(false); }
        });
        var countryBox = document.getElementById("launchmap-country-list");
        if (countryBox) { this.countries = new CountryList(this, countryBox); }
        var canvas = document.getElementById("launchmap-chart");
        if (canvas) { this.chart = new Chart(this, canvas); }
        this.started = true;
        this.map.on("moveend", this.rememberView, this);
        this._showShown(false);
        window.launchmap = this;
    };

    /* The base map comes in the task after the panel's: the browser paints the incidents and the
       panel first, then asks for the tiles (which come from the network anyway) or draws the
       offline map. A promise of it shown. */
    App.prototype.showBaseSoon = function () {
        var app = this;
        return nextTask().then(function () { app.base.layer.addTo(app.map); });
    };

    /* The chart is drawn once its axis (the reference layers) is there, and again as the page
       resizes; the country list below it comes then too (its names cost the browser's region
       names, which a reader of the map's first screen does not need). */
    App.prototype.startChart = function () {
        var app = this;
        if (!this.chart) { return; }
        this.chartReady = true;
        this.chart.draw(this.shown);
        if (this.countries) { this.countries.show(); }
        window.addEventListener("resize", function () { app.chart.draw(app.shown || []); });
    };

    // -- the page: the map first, then the incidents, then the reference layers and plugins -------

    function makeMap(config, box) {
        var map = L.map(box, {zoomControl: true});
        var view = config.view;
        if (view.bbox) {
            map.fitBounds(view.bbox);
        } else if (view.center === null && view.zoom === null && config.bounds) {
            map.fitBounds(config.bounds, {padding: [40, 40], maxZoom: config.fitMaxZoom});
        } else {
            map.setView(view.center || config.defaultCenter, view.zoom === null ? config.defaultZoom : view.zoom);
        }
        var bases = window.launchmapOffline.baseLayers(config); // offline.js: tiles, or the offline base map
        config.attributions.forEach(function (attribution) { map.attributionControl.addAttribution(attribution); });
        L.control.scale({position: "bottomleft"}).addTo(map);
        return {map: map, bases: bases, base: window.launchmapOffline.chosenBase(bases, config)};
    }

    /* The coastline and the zone are many vertices and never clicked: one canvas draws them. */
    function addReferenceLayers(app, reference) {
        var renderer = L.canvas({padding: 0.2});
        var coastline = L.geoJSON(reference.shoreline, {interactive: false, renderer: renderer, style: {color: "#0b4f8a", weight: 1.5, opacity: 0.9}});
        var zone = L.geoJSON(reference.zone, {interactive: false, renderer: renderer, style: {color: "#e65100", weight: 0.5, fillColor: "#ff9800", fillOpacity: 0.35}});
        var layers = document.querySelector(".launchmap-layers");
        [["coastline", say("layer.coastline"), coastline], ["zone", say("layer.zone", {metres: app.config.zoneMetres}), zone]].forEach(function (item) {
            var overlay = {id: item[0], name: item[1], layer: item[2]};
            var label = element("label", "launchmap-layer");
            var input = element("input");
            input.type = "checkbox";
            input.value = overlay.id;
            input.addEventListener("change", function () { app.showLayer(overlay, input.checked); });
            overlay.input = input;
            label.appendChild(input);
            label.appendChild(element("span", null, overlay.name));
            layers.insertBefore(label, layers.querySelector(".launchmap-bases"));
            app.overlays.push(overlay);
        });
        app.showOverlays();
        return {coastline: coastline, zone: zone};
    }

    function loadStyle(url, integrity) {
        return new Promise(function (resolve, reject) {
            var link = document.createElement("link");
            link.rel = "stylesheet";
            link.href = url;
            if (integrity) { link.integrity = integrity; link.crossOrigin = "anonymous"; }
            link.onload = resolve;
            link.onerror = function () { reject(new Error(url)); };
            document.head.appendChild(link);
        });
    }

    function loadScript(url, integrity) {
        return new Promise(function (resolve, reject) {
            var script = document.createElement("script");
            script.src = url;
            if (integrity) { script.integrity = integrity; script.crossOrigin = "anonymous"; }
            script.onload = resolve;
            script.onerror = function () { reject(new Error(url)); };
            document.head.appendChild(script);
        });
    }

    /* A Leaflet plugin, loaded when first used (a standalone file carries it already). */
    function plugin(config, name) {
        var files = config.plugins && config.plugins[name];
        if (!files) { return Promise.resolve(); }
        return Promise.all([loadStyle(files.css, files.cssIntegrity), loadScript(files.js, files.jsIntegrity)]);
    }

    /* The full-screen button and (on the full page) the mini-map, whose tiles are credited. */
    function addPluginControls(app, config) {
        var loads = [plugin(config, "fullscreen").then(function () {
            L.control.fullscreen({position: "topleft", title: say("map.fullscreen"), titleCancel: say("map.fullscreen_exit")}).addTo(app.map);
        })];
        if (config.minimap && window.matchMedia("(min-width: 700px)").matches) {
            loads.push(plugin(config, "minimap").then(function () {
                var layer = window.launchmapOffline.minimapLayer(config); // grey tiles, or the offline map
                new L.Control.MiniMap(layer, {
                    position: "topright", toggleDisplay: true, zoomLevelOffset: -5, width: 140, height: 140,
                    strings: {hideText: say("map.minimap_hide"), showText: say("map.minimap_show")}
                }).addTo(app.map);
                if (!(layer instanceof window.launchmapOffline.OfflineLayer)) {
                    app.map.attributionControl.addAttribution(config.minimapAttribution);
                }
            }));
        }
        return Promise.all(loads);
    }

    function boot() {
        var loader = window.launchmapLoader;
        var config = loader.config;
        words = new Words(config);
        var data = loaded(loader.data, "launchmap-data").then(decodeData);
        var referenceBytes = loaded(loader.reference, "launchmap-reference"); // parsed once the incidents are drawn
        /* The page's elements, taken now: the loads may end after the page was left (an embed
           whose frame moved on), when the document no longer holds them. */
        var root = document.documentElement;
        var mapBox = document.getElementById("launchmap-map");
        var app = null;
        /* The map is made with its incidents, in one task: the browser lays the page out once,
           not once for an empty map and again for its markers. Once they are drawn a reader can
           use the map (interactive): pan, zoom, open an incident. The panel's controls, the
           hotspots and the heat map come in the next task (controls), so that the markers are
           painted first; then the base map, and the coastline, the zone, the search's places,
           the chart and the plugins follow (ready). A page that carries its incidents makes
           the map as soon as this script has run, before the browser first paints the page. */
        data.then(function (decoded) {
            app = new App(makeMap(config, mapBox), config, decoded);
            app.showIncidents();
            window.launchmapInteractiveMs = performance.now();
            return nextTask();
        }).then(function () {
            app.start();
            window.launchmapControlsMs = performance.now();
            return Promise.all([referenceBytes.then(window.launchmapLoader.gunzipped).then(parsedJson), addPluginControls(app, config), app.showBaseSoon()]);
        }).then(function (loadedParts) {
            app.useReference(loadedParts[0]);
            app.reference = addReferenceLayers(app, loadedParts[0]);
            app.startChart();
            root.dataset.launchmapReady = "1";
            window.launchmapReadyMs = performance.now();
        }).catch(function (error) {
            var note = element("p", "launchmap-failed", say("page.failed", {reason: error.message}));
            mapBox.appendChild(note);
            throw error;
        });
    }

    boot();
}());
