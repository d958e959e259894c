/* The embed builder (builder.html): the form becomes the embed's address, shown in the preview,
   written as the snippet the server makes for it, and linked as the static image and social card.
   Text from the form reaches the page only as property values (value, textContent, src, href). */
(function () {
    "use strict";
    var config = JSON.parse(document.getElementById("builder-config").textContent);
    var form = document.getElementById("builder-form");
    var frame = document.getElementById("builder-frame");
    var status = document.getElementById("builder-status");
    var snippetBox = document.getElementById("builder-snippet");
    var drawLayer = document.getElementById("builder-draw-layer");
    var drawBox = drawLayer.querySelector(".builder-box");
    var drawButton = document.getElementById("builder-draw");
    var CAPTION = ["title", "subtitle", "source", "byline"];
    var BBOX = ["west", "south", "east", "north"];
    var centre = Object.keys(config.centre).length ? config.centre : null; // until it becomes an area
    var shown = null; // the query the preview, links and snippet show
    var timer = null;

    function say(name, fields) {
        var text = config.messages[name] || name;
        Object.keys(fields || {}).forEach(function (key) { text = text.split("{" + key + "}").join(String(fields[key])); });
        return text;
    }

    function showStatus(text, isError) {
        status.textContent = text;
        status.classList.toggle("builder-error", Boolean(isError));
    }

    function field(name) { return form.elements.namedItem(name); }

    function boxes(name) { return Array.prototype.slice.call(form.querySelectorAll("input[name=" + name + "]")); }

    function ticked(name) {
        return boxes(name).filter(function (input) { return input.checked; }).map(function (input) { return input.value; }).sort();
    }

    /* The embed's query for the form ({query}), or what is wrong with the form ({error}). */
    function readForm() {
        var query = new URLSearchParams();
        var start = field("start").value, end = field("end").value;
        if (start && end && start > end) { return {error: say("builder.error.dates", {start: start, end: end})}; }
        if (start) { query.set("start", start); }
        if (end) { query.set("end", end); }
        var types = ticked("types");
        if (types.length === 0) { return {error: say("builder.error.types")}; }
        if (types.length < boxes("types").length) { query.set("types", types.join(",")); }
        var area = readArea();
        if (area === false) { return {error: say("builder.error.area")}; }
        if (area) {
            query.set("bbox", area);
        } else if (centre) {
            Object.keys(centre).forEach(function (name) { query.set(name, centre[name]); });
        }
        var layers = ticked("layers");
        if (layers.join(",") !== config.defaultLayers.join(",")) { query.set("layers", layers.length ? layers.join(",") : "none"); }
        ["base", "lang"].forEach(function (name) { if (field(name).value) { query.set(name, field(name).value); } });
        Object.keys(config.carried).forEach(function (name) { query.set(name, config.carried[name]); });
        CAPTION.forEach(function (name) {
            var text = field(name).value.trim();
            if (text) { query.set(name, text); }
        });
        return {query: query.toString()};
    }

    /* The bbox parameter, "" for no area, or false when the four numbers do not make a box. */
    function readArea() {
        var texts = BBOX.map(function (name) { return field(name).value.trim(); });
        if (!texts.some(Boolean)) { return ""; }
        var numbers = texts.map(function (text) { return text === "" ? NaN : Number(text); });
        if (numbers.some(isNaN) || !(numbers[0] < numbers[2] && numbers[1] < numbers[3])) { return false; }
        return numbers.map(function (number) { return number.toFixed(5); }).join(",");
    }

    function suffix(query) { return query ? "?" + query : ""; }

    function sameQuery(one, other) {
        var a = new URLSearchParams(one), b = new URLSearchParams(other);
        a.sort();
        b.sort();
        return a.toString() === b.toString();
    }

    /* Show the form's view: preview, address, links and snippet (answers to older views are dropped). */
    function update() {
        timer = null;
        var read = readForm();
        if (read.error) { showStatus(read.error, true); return; }
        if (read.query === shown) { return; }
        shown = read.query;
        var tail = suffix(shown);
        history.replaceState(null, "", location.pathname + tail);
        if (!sameQuery(frame.src.split("?")[1] || "", shown)) { frame.src = config.embedUrl + tail; }
        document.getElementById("builder-embed-url").textContent = new URL(config.embedUrl + tail, location.href).href;
        document.getElementById("builder-image").href = config.imageUrl + tail;
        document.getElementById("builder-card").href = config.imageUrl + suffix(shown ? shown + "&card=true" : "card=true");
        document.getElementById("builder-map").href = config.mapUrl + tail;
        showStatus(say("builder.loading"), false);
        var asked = shown;
        fetch(config.snippetUrl + tail, {headers: {Accept: "text/plain, application/problem+json"}}).then(function (response) {
            if (response.ok) { return response.text(); }
            return response.json().then(function (problem) { throw new Error(problem.detail || response.statusText); });
        }).then(function (snippet) {
            if (asked !== shown) { return; }
            snippetBox.value = snippet;
            document.body.dataset.snippetFor = asked;
            showStatus("", false);
        }).catch(function (error) {
            if (asked === shown) { showStatus(say("builder.error.server", {detail: error.message}), true); }
        });
    }

    function schedule() {
        if (timer !== null) { window.clearTimeout(timer); }
        timer = window.setTimeout(update, 250);
    }

    /* The preview's Leaflet map, once its page script has started (null before). */
    function previewMap() {
        try {
            var app = frame.contentWindow.launchmap;
            return app && app.map ? app.map : null;
        } catch (error) {
            return null;
        }
    }

    function setArea(west, south, east, north) {
        var clamp = function (value, limit) { return Math.max(-limit, Math.min(limit, value)); };
        [clamp(west, 180), clamp(south, 90), clamp(east, 180), clamp(north, 90)].forEach(function (value, index) {
            field(BBOX[index]).value = value.toFixed(5);
        });
        centre = null;
        update();
    }

    function useCurrentView() {
        var map = previewMap();
        if (!map) { showStatus(say("builder.error.preview"), true); return; }
        var bounds = map.getBounds();
        setArea(bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth());
    }

    // -- drawing a box on the preview: a layer over the frame, its corners read through the map --

    var dragStart = null;

    function setDrawing(on) {
        drawLayer.hidden = !on;
        drawBox.hidden = true;
        drawButton.setAttribute("aria-pressed", String(on));
        if (on) { showStatus(say("builder.area.drawing"), false); }
    }

    function layerPoint(event) {
        var rect = drawLayer.getBoundingClientRect();
        return {x: event.clientX - rect.left, y: event.clientY - rect.top};
    }

    function dragged(event) {
        var point = layerPoint(event);
        return {left: Math.min(point.x, dragStart.x), top: Math.min(point.y, dragStart.y),
                right: Math.max(point.x, dragStart.x), bottom: Math.max(point.y, dragStart.y)};
    }

    drawLayer.addEventListener("pointerdown", function (event) {
        dragStart = layerPoint(event);
        drawLayer.setPointerCapture(event.pointerId);
    });
    drawLayer.addEventListener("pointermove", function (event) {
        if (!dragStart) { return; }
        var box = dragged(event);
        drawBox.hidden = false;
        drawBox.style.left = box.left + "px";
        drawBox.style.top = box.top + "px";
        drawBox.style.width = (box.right - box.left) + "px";
        drawBox.style.height = (box.bottom - box.top) + "px";
    });
    drawLayer.addEventListener("pointerup", function (event) {
        if (!dragStart) { return; }
        var box = dragged(event);
        dragStart = null;
        setDrawing(false);
        var map = previewMap();
        if (!map) { showStatus(say("builder.error.preview"), true); return; }
        if (box.right - box.left < 5 || box.bottom - box.top < 5) { return; }
        var origin = map.getContainer().getBoundingClientRect(); // in the frame, which fills the layer
        var corner = function (x, y) { return map.containerPointToLatLng([x - origin.left, y - origin.top]); };
        var southWest = corner(box.left, box.bottom), northEast = corner(box.right, box.top);
        setArea(southWest.lng, southWest.lat, northEast.lng, northEast.lat);
    });
    document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && !drawLayer.hidden) { dragStart = null; setDrawing(false); showStatus("", false); }
    });

    // -- copying the snippet --

    function copied(ok) { showStatus(say(ok ? "builder.copied" : "builder.copy_failed"), !ok); }

    function copyBySelection() {
        snippetBox.focus();
        snippetBox.select();
        var ok = false;
        try { ok = document.execCommand("copy"); } catch (error) { ok = false; }
        copied(ok);
    }

    document.getElementById("builder-copy").addEventListener("click", function () {
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(snippetBox.value).then(function () { copied(true); }, copyBySelection);
        } else {
            copyBySelection();
        }
    });

    drawButton.addEventListener("click", function () { setDrawing(drawLayer.hidden); });
    document.getElementById("builder-use-view").addEventListener("click", useCurrentView);
    document.getElementById("builder-clear-area").addEventListener("click", function () {
        BBOX.forEach(function (name) { field(name).value = ""; });
        centre = null;
        update();
    });
    form.addEventListener("input", schedule);
    form.addEventListener("change", schedule);
    form.addEventListener("submit", function (event) { event.preventDefault(); update(); });

    /* A centre from the map's "Embed this view" becomes the area the preview shows, once drawn. */
    if (centre) {
        var tries = 0;
        var waiting = window.setInterval(function () {
            tries += 1;
            if (previewMap()) { window.clearInterval(waiting); useCurrentView(); } else if (tries > 300) { window.clearInterval(waiting); }
        }, 100);
    }
    update();
}());
