/*
 * launchmap's page loader, inlined in the page's head: it starts loading the data resource and
 * the reference layers at once, while the browser still fetches and runs Leaflet and the page
 * script (launchmap.js), which takes the loads from window.launchmapLoader.
 */
(function () {
    "use strict";

    /* Bytes that start as gzip does are decompressed here: a static host serves the .gz files as they
       are, while launchmap serve sends them gzip-coded and the browser has inflated them already. */
    function gunzipped(buffer) {
        var bytes = new Uint8Array(buffer);
        if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) { return Promise.resolve(buffer); }
        var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
        return new Response(stream).arrayBuffer();
    }

    function fetchedBytes(url) {
        return fetch(url).then(function (response) {
            if (!response.ok) { throw new Error(response.status + " " + response.statusText); }
            return response.arrayBuffer();
        });
    }

    function fetched(url) {
        return fetchedBytes(url).then(gunzipped);
    }

    var config = JSON.parse(document.getElementById("launchmap-config").textContent);
    window.launchmapLoader = {
        config: config,
        gunzipped: gunzipped,
        fetched: fetched,
        /* null when the page carries its incidents (a small store, or a standalone file) */
        data: config.dataUrl && !config.incidentsCarried ? fetched(config.dataUrl + "incidents.bin.gz") : null,
        /* fetched now, decompressed once the incidents are drawn: inflating it would delay theirs */
        reference: config.referenceUrl ? fetchedBytes(config.referenceUrl) : null
    };
}());
