{% macro header(this, kwargs) %}
<style>
.launchmap-legend { background: rgba(255, 255, 255, 0.92); padding: 8px 10px; border-radius: 4px;
    font: 13px/1.4 system-ui, sans-serif; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.3); max-width: 260px; }
.launchmap-legend h2 { font-size: 14px; margin: 0 0 6px; }
.launchmap-legend ul { list-style: none; margin: 0; padding: 0; }
.launchmap-swatch { display: inline-block; width: 12px; height: 12px; border-radius: 50%;
    border: 1px solid #222; margin-right: 6px; vertical-align: middle; }
.launchmap-legend .launchmap-note { margin: 6px 0 0; color: #444; }
.launchmap-popup dl { display: grid; grid-template-columns: auto 1fr; gap: 0 8px; margin: 6px 0; }
.launchmap-popup dt { font-weight: 600; }
.launchmap-popup dd { margin: 0; }
.launchmap-popup ul { padding-left: 18px; margin: 4px 0 0; }
.launchmap-quote { display: block; font-style: italic; }
</style>
{% endmacro %}
{% macro script(this, kwargs) %}
(function () {
    var map = {{ this._parent.get_name() }};
    var legend = {{ this.legend_json }};
    var control = L.control({position: "bottomright"});
    control.onAdd = function () {
        var box = L.DomUtil.create("div", "launchmap-legend");
        var heading = document.createElement("h2");
        heading.textContent = legend.title;
        box.appendChild(heading);
        var list = document.createElement("ul");
        legend.entries.forEach(function (entry) {
            var item = document.createElement("li");
            var swatch = document.createElement("span");
            swatch.className = "launchmap-swatch";
            swatch.style.backgroundColor = entry.color;
            item.appendChild(swatch);
            item.appendChild(document.createTextNode(entry.label + " (" + entry.count + ")"));
            list.appendChild(item);
        });
        box.appendChild(list);
        if (legend.note) {
            var note = document.createElement("p");
            note.className = "launchmap-note";
            note.textContent = legend.note;
            box.appendChild(note);
        }
        L.DomEvent.disableClickPropagation(box);
        return box;
    };
    control.addTo(map);
    legend.attributions.forEach(function (attribution) {
        map.attributionControl.addAttribution(attribution);
    });
})();
{% endmacro %}
