/* LightsOff: locate me, the maps, copy and print buttons. Every page works without it.
   The sentences it shows come translated from the templates, in data-* attributes. */
(function () {
  "use strict";

  function locate() {
    var button = document.getElementById("ls-locate");
    if (!button || !navigator.geolocation) return;
    var status = document.getElementById("ls-locate-status");
    button.hidden = false;
    button.addEventListener("click", function () {
      status.textContent = button.dataset.locating;
      navigator.geolocation.getCurrentPosition(
        function (position) {
          document.getElementById("ls-lat").value = position.coords.latitude.toFixed(6);
          document.getElementById("ls-lon").value = position.coords.longitude.toFixed(6);
          document.getElementById("ls-locate-form").submit();
        },
        function () {
          status.textContent = button.dataset.failed;
        },
        { enableHighAccuracy: true, timeout: 10000 }
      );
    });
  }

  // When tiles cannot load (no network, blocked host), say so: the list or the position still work.
  function baseMap(element, lat, lon, zoom) {
    if (!window.L) return null;
    var map = L.map(element).setView([lat, lon], zoom);
    var failed = false;
    L.tileLayer(element.dataset.tiles, {
      attribution: element.dataset.attribution,
      maxZoom: 19,
    }).on("tileerror", function () {
      if (failed) return;
      failed = true;
      var message = element.parentNode.querySelector(".ls-map-error");
      if (message) message.hidden = false;
    }).addTo(map);
    return map;
  }

  function nearbyMap() {
    var element = document.getElementById("ls-map");
    var data = document.getElementById("ls-markers");
    if (!element || !data) return;
    var shops = JSON.parse(data.textContent);
    var here = element.dataset.lat && [parseFloat(element.dataset.lat), parseFloat(element.dataset.lon)];
    var start = here || [shops[0].lat, shops[0].lon];
    var map = baseMap(element, start[0], start[1], 17);
    if (!map) return;
    if (here) {
      L.circleMarker(here, { radius: 8, color: "#0a76f6", fillOpacity: 0.9 })
        .addTo(map).bindTooltip(element.dataset.here);
    }
    var points = shops.map(function (shop) {
      var link = document.createElement("a");
      link.href = shop.url;
      link.textContent = shop.name;  // shop names come from citizens: never as HTML
      L.marker([shop.lat, shop.lon], { title: shop.name, alt: shop.name }).addTo(map).bindPopup(link);
      return [shop.lat, shop.lon];
    });
    if (!here && points.length > 1) map.fitBounds(points, { maxZoom: 17, padding: [24, 24] });
  }

  // A missing shop: a tap on the map (or the phone's position) drops the pin; dragging corrects it.
  function pinMap() {
    var element = document.getElementById("ls-pin-map");
    if (!element) return;
    var lat = document.getElementById("id_lat"), lon = document.getElementById("id_lon");
    var status = document.getElementById("ls-pin-status");
    var hereButton = document.getElementById("ls-pin-here");
    var center = [parseFloat(element.dataset.lat), parseFloat(element.dataset.lon)];
    var map = baseMap(element, center[0], center[1], element.dataset.pinned ? 18 : 13);
    var marker = null;

    function place(latlng) {
      lat.value = latlng.lat.toFixed(6);
      lon.value = latlng.lng.toFixed(6);
      status.textContent = element.dataset.pinnedText;
      if (!map) return;
      if (marker) {
        marker.setLatLng(latlng);
        return;
      }
      marker = L.marker(latlng, { draggable: true, title: element.dataset.pinLabel, alt: element.dataset.pinLabel })
        .addTo(map);
      marker.on("dragend", function () { place(marker.getLatLng()); });
    }

    if (map) {
      if (element.dataset.pinned) place(L.latLng(center[0], center[1]));
      map.on("click", function (event) { place(event.latlng); });
    } else {
      element.hidden = true;
    }
    if (navigator.geolocation) {
      hereButton.hidden = false;
      hereButton.addEventListener("click", function () {
        navigator.geolocation.getCurrentPosition(
          function (position) {
            var latlng = { lat: position.coords.latitude, lng: position.coords.longitude };
            place(window.L ? L.latLng(latlng.lat, latlng.lng) : latlng);
            if (map) map.setView([latlng.lat, latlng.lng], 18);
          },
          function () { status.textContent = hereButton.dataset.failed; },
          { enableHighAccuracy: true, timeout: 10000 }
        );
      });
    }
  }

  // Clusters come from the server, cell by cell, for the current view (no plugin, no build).
  // Colours are classes of lightsoff.css: the Content-Security-Policy forbids inline styles.
  function clusterIcon(p) {
    var size = p.cluster ? Math.round(26 + 8 * Math.log10(p.count)) : 14;
    return L.divIcon({
      className: "ls-marker ls-status-" + (p.dominant || "none") +
        (p.cluster ? " ls-cluster" : " ls-point"),
      iconSize: [size, size],
      html: p.cluster ? String(p.count) : "",
    });
  }

  function impactMap() {
    var element = document.getElementById("ls-impact-map");
    if (!element) return;
    var map = baseMap(element, 46.6, 2.4, 5);
    if (!map) return;
    var labels = JSON.parse(document.getElementById("ls-status-labels").textContent);
    var layer = L.layerGroup().addTo(map);
    var controller = null;

    function describe(p) {
      if (!p.cluster) return p.name + " — " + (labels[p.status] || p.status);
      var parts = Object.keys(p.statuses).map(function (s) {
        return (labels[s] || s) + " : " + p.statuses[s];
      });
      return p.count + " " + element.dataset.clusterLabel + " (" + parts.join(", ") + ") — " +
        element.dataset.zoomLabel;
    }

    function draw(feature) {
      var p = feature.properties, text = describe(p);
      var marker = L.marker([feature.geometry.coordinates[1], feature.geometry.coordinates[0]], {
        icon: clusterIcon(p), title: text, keyboard: p.cluster,
      });
      marker.on("add", function () {
        var icon = marker.getElement();
        if (!p.cluster) icon.setAttribute("role", "img");  // a cluster is already a button
        icon.setAttribute("aria-label", text);
      });
      if (p.cluster) {
        marker.on("click", function () {
          map.setView(marker.getLatLng(), Math.min(map.getZoom() + 2, 18));
        });
      } else {
        var tip = document.createElement("span");
        tip.textContent = text;  // shop names come from citizens: never as HTML
        marker.bindTooltip(tip);
      }
      marker.addTo(layer);
    }

    function refresh() {
      var b = map.getBounds();
      var clamp = function (v, m) { return Math.max(-m, Math.min(m, v)).toFixed(5); };
      var bbox = [clamp(b.getWest(), 180), clamp(b.getSouth(), 90),
        clamp(b.getEast(), 180), clamp(b.getNorth(), 90)].join(",");
      if (controller) controller.abort();
      controller = new AbortController();
      fetch(element.dataset.clusters + "?bbox=" + bbox + "&zoom=" + Math.round(map.getZoom()),
        { signal: controller.signal })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) {
          if (!data) return;
          layer.clearLayers();
          data.features.forEach(draw);
        })
        .catch(function () {});  // offline or superseded: the tables below still tell it all
    }

    map.on("moveend", refresh);
    var extent = element.dataset.extent && JSON.parse(element.dataset.extent);
    if (extent) {
      map.fitBounds(extent, { maxZoom: 14, padding: [20, 20], animate: false });
    } else {
      refresh();
    }
  }

  function copyButtons() {
    var status = document.getElementById("ls-copy-status");
    document.querySelectorAll(".ls-copy").forEach(function (button) {
      button.addEventListener("click", function () {
        var text = document.getElementById(button.dataset.copy).textContent.trim();
        var done = function () { status.textContent = status.dataset.copied; };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(done, fallback);
        } else {
          fallback();
        }
        function fallback() {
          var area = document.createElement("textarea");
          area.value = text;
          document.body.appendChild(area);
          area.select();
          document.execCommand("copy");
          area.remove();
          done();
        }
      });
    });
  }

  function printButtons() {
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  function nowByDefault() {
    // "Now" is the phone's time, not the server's: the form arrives pre-filled with the latter.
    var input = document.querySelector("form[data-fresh] input[name=seen_at]");
    if (!input) return;
    var now = new Date();
    var pad = function (n) { return String(n).padStart(2, "0"); };
    input.value = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate()) +
      "T" + pad(now.getHours()) + ":" + pad(now.getMinutes());
  }

  locate();
  nowByDefault();
  nearbyMap();
  pinMap();
  impactMap();
  copyButtons();
  printButtons();
})();
