/* LightsOff: locate me, the maps, copy buttons. Every page works without it. */
(function () {
  "use strict";

  function locate() {
    var button = document.getElementById("ls-locate");
    if (!button || !navigator.geolocation) return;
    var status = document.getElementById("ls-locate-status");
    button.hidden = false;
    button.addEventListener("click", function () {
      status.textContent = "Localisation en cours…";
      navigator.geolocation.getCurrentPosition(
        function (position) {
          document.getElementById("ls-lat").value = position.coords.latitude.toFixed(6);
          document.getElementById("ls-lon").value = position.coords.longitude.toFixed(6);
          document.getElementById("ls-locate-form").submit();
        },
        function () {
          status.textContent = "Position indisponible : cherchez le commerce par son nom.";
        },
        { enableHighAccuracy: true, timeout: 10000 }
      );
    });
  }

  function baseMap(element, lat, lon, zoom) {
    if (!window.L) return null;
    var map = L.map(element).setView([lat, lon], zoom);
    L.tileLayer(element.dataset.tiles, {
      attribution: element.dataset.attribution,
      maxZoom: 19,
    }).addTo(map);
    return map;
  }

  function nearbyMap() {
    var element = document.getElementById("ls-map");
    var data = document.getElementById("ls-markers");
    if (!element || !data) return;
    var map = baseMap(element, parseFloat(element.dataset.lat), parseFloat(element.dataset.lon), 17);
    if (!map) return;
    L.circleMarker([parseFloat(element.dataset.lat), parseFloat(element.dataset.lon)], {
      radius: 8, color: "#0a76f6", fillOpacity: 0.9,
    }).addTo(map).bindTooltip("Vous êtes ici");
    JSON.parse(data.textContent).forEach(function (shop) {
      var link = document.createElement("a");
      link.href = shop.url;
      link.textContent = shop.name;
      L.marker([shop.lat, shop.lon], { title: shop.name, alt: shop.name }).addTo(map).bindPopup(link);
    });
  }

  var STATUS_COLOURS = {
    reported: "#d97706", contacted: "#2563eb", answered: "#7c3aed",
    confirmed_off: "#16a34a", still_lit: "#dc2626", not_applicable: "#6b7280",
  };

  function impactMap() {
    var element = document.getElementById("ls-impact-map");
    if (!element) return;
    var map = baseMap(element, 46.6, 2.4, 5);
    if (!map) return;
    fetch(element.dataset.geojson).then(function (r) { return r.json(); }).then(function (data) {
      var layer = L.geoJSON(data, {
        pointToLayer: function (feature, latlng) {
          return L.circleMarker(latlng, {
            radius: 5, weight: 1, fillOpacity: 0.8,
            color: STATUS_COLOURS[feature.properties.status] || "#555",
          });
        },
        onEachFeature: function (feature, marker) {
          marker.bindTooltip(feature.properties.name + " — " + feature.properties.status);
        },
      }).addTo(map);
      if (data.features.length) map.fitBounds(layer.getBounds(), { maxZoom: 14 });
    });
  }

  function copyButtons() {
    var status = document.getElementById("ls-copy-status");
    document.querySelectorAll(".ls-copy").forEach(function (button) {
      button.addEventListener("click", function () {
        var text = document.getElementById(button.dataset.copy).textContent.trim();
        var done = function () { status.textContent = "Message copié : collez-le où vous voulez."; };
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
  impactMap();
  copyButtons();
})();
