{% macro script(this, kwargs) %}
var {{ this.get_name() }} = (function () {
    var data = {{ this.features_json }};
    var colors = {{ this.colors_json }};
    var group = L.featureGroup();

    function text(tag, content, className) {
        var node = document.createElement(tag);
        if (className) { node.className = className; }
        node.textContent = content;
        return node;
    }

    function row(list, label, value) {
        if (value === null || value === undefined || value === "") { return; }
        list.appendChild(text("dt", label));
        list.appendChild(text("dd", String(value)));
    }

    function shoreText(metres) {
        if (typeof metres !== "number") { return null; }
        var distance = Math.abs(metres) >= 1000 ? (Math.abs(metres) / 1000).toFixed(1) + " km" : Math.round(Math.abs(metres)) + " m";
        if (metres <= 0) { return distance + " inland"; }
        return distance + " at sea" + (metres <= 300 ? " (within the 300 m zone)" : "");
    }

    function sourceItem(source) {
        var item = document.createElement("li");
        var label = source.publisher || source.url || "source";
        if (source.url && /^https?:\/\//i.test(source.url)) {
            var link = text("a", label);
            link.href = source.url;
            link.target = "_blank";
            link.rel = "noopener noreferrer nofollow";
            item.appendChild(link);
        } else {
            item.appendChild(text("span", label));
        }
        if (source.published) { item.appendChild(text("span", " (" + source.published + ")")); }
        if (source.quote) { item.appendChild(text("q", source.quote, "launchmap-quote")); }
        return item;
    }

    function popup(p) {
        var box = document.createElement("div");
        box.className = "launchmap-popup";
        box.appendChild(text("strong", p.event_type + (p.place_name ? " — " + p.place_name : "")));
        var facts = document.createElement("dl");
        row(facts, "Date", p.date ? p.date + (p.date_precision && p.date_precision !== "day" ? " (" + p.date_precision + ")" : "") : "unknown");
        row(facts, "Place", p.place_name);
        row(facts, "Resolved as", p.place_id);
        row(facts, "Country", p.country);
        row(facts, "Precision", p.location_precision ? p.location_precision + (p.uncertainty_m ? " (± " + Math.round(p.uncertainty_m) + " m)" : "") : null);
        row(facts, "Role", p.location_role);
        row(facts, "People", p.people);
        row(facts, "Boats", p.boats);
        row(facts, "Coast km", typeof p.coast_km === "number" ? p.coast_km.toFixed(1) + " km" : null);
        row(facts, "Shore", shoreText(p.shore_distance_m));
        row(facts, "Nearest place", p.nearest_place);
        box.appendChild(facts);
        if (p.description) { box.appendChild(text("p", p.description)); }
        if (p.sources && p.sources.length) {
            var list = document.createElement("ul");
            p.sources.forEach(function (source) { list.appendChild(sourceItem(source)); });
            box.appendChild(list);
        }
        return box;
    }

    data.features.forEach(function (feature) {
        if (!feature.geometry) { return; }
        var p = feature.properties;
        var kind = colors.hasOwnProperty(p.event_type) ? p.event_type : "other";
        var position = feature.geometry.coordinates;
        var marker = L.circleMarker([position[1], position[0]], {
            radius: 7,
            color: "#222",
            weight: 1,
            fillColor: colors[kind],
            fillOpacity: 0.85,
            className: "launchmap-incident launchmap-incident-" + kind
        });
        marker.bindPopup(function () { return popup(p); }, {maxWidth: 340});
        group.addLayer(marker);
    });
    return group;
})();
{% endmacro %}
