// The Beatwise map: Leaflet with vector base layers (no tiles unless the station points at its own),
// hotspot circles, grid cells, an incident density layer, the model's top class around a checked place
// and the places the user checked.
// Java calls the functions of `beatwise`; clicks go back through the `bridge` object Java installs.
(function () {
  'use strict';
  // No animations: a WebView on a software renderer draws them slowly, and tests need a settled map.
  var map = L.map('map', { zoomControl: true, attributionControl: false, zoomAnimation: false,
                           fadeAnimation: false, markerZoomAnimation: false })
      .setView([42.3, -71.08], 12);
  var canvas = L.canvas({ padding: 0.2 });
  var groups = {
    areas: L.layerGroup().addTo(map),
    hotspots: L.featureGroup().addTo(map),
    grid: L.featureGroup(),
    incidents: L.layerGroup(),
    markers: L.layerGroup().addTo(map)
  };
  var tiles = null;
  // A fit asked for before the WebView has its size would zoom out to the whole world: keep it until
  // the page is sized.
  var deferredFit = null;
  function fitTo(bounds) {
    var size = map.getSize();
    if (size.x < 20 || size.y < 20) {
      deferredFit = bounds;
    } else {
      deferredFit = null;
      map.fitBounds(bounds);
    }
  }
  var control = L.control.layers(null, {
    'Hotspot circles': groups.hotspots,
    'Grid cells (equal area)': groups.grid,
    'Incident density': groups.incidents,
    'Checked places': groups.markers
  }, { collapsed: false }).addTo(map);
  L.control.scale({ imperial: false }).addTo(map);

  function pick(e) {
    if (window.bridge) {
      window.bridge.onMapClick(e.latlng.lat, e.latlng.lng);
    }
  }
  map.on('click', pick);
  // A click on a hotspot or grid cell opens its popup and also checks that place; it must not reach
  // the map as well, or the place would be checked twice.
  function pickOnLayer(e) {
    L.DomEvent.stopPropagation(e);
    pick(e);
  }

  // Names come from imported files, so they reach the page only as text: a tooltip gets a text node,
  // and the layer control (which writes its labels as HTML) gets the name escaped.
  function textNode(text) {
    var span = document.createElement('span');
    span.textContent = String(text);
    return span;
  }
  function escapeHtml(text) {
    return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }

  // Day and night palettes of the vector base layer: the night one keeps outlines readable on a dark
  // background without lighting up a dark control room.
  var palettes = {
    day: [
      { color: '#4a6078', weight: 1.2, fillColor: '#dfe6ee', fillOpacity: 0.35 },
      { color: '#7d8a99', weight: 0.8, dashArray: '3 3', fillOpacity: 0 }
    ],
    night: [
      { color: '#8fa7c0', weight: 1.2, fillColor: '#2a3546', fillOpacity: 0.45 },
      { color: '#6c7a8c', weight: 0.8, dashArray: '3 3', fillOpacity: 0 }
    ]
  };
  var areaStyles = palettes.day;
  function areaStyle(index) {
    return areaStyles[Math.min(index, areaStyles.length - 1)];
  }

  window.beatwise = {
    /** Adds a named vector layer (GeoJSON FeatureCollection) as base map; nameProperty labels it. */
    addAreas: function (name, geojson, nameProperty) {
      var index = groups.areas.getLayers().length;
      // Not interactive: clicks pass through to the map (a district covers every place in it).
      var layer = L.geoJSON(geojson, {
        interactive: false,
        style: function () { return areaStyle(index); },
        onEachFeature: function (f, l) {
          var label = f.properties && nameProperty ? f.properties[nameProperty] : null;
          if (label !== null && label !== undefined && label !== '') {
            l.bindTooltip(textNode(label), { permanent: false, direction: 'center', className: 'bw-area' });
          }
        }
      });
      groups.areas.addLayer(layer);
      control.addOverlay(layer, escapeHtml(name));
      return groups.areas.getLayers().length;
    },
    /** Night mode: the dark palette for the page and the base layer; day mode otherwise. */
    setNight: function (on) {
      areaStyles = on ? palettes.night : palettes.day;
      document.body.className = on ? 'night' : '';
      var i = 0;
      groups.areas.eachLayer(function (layer) { layer.setStyle(areaStyle(i)); i += 1; });
      return on;
    },
    /** Whether the page shows the night palette (tests read it). */
    isNight: function () { return areaStyles === palettes.night; },
    /** A tile layer from the station's own tile folder or internal server, if it has one. */
    setTiles: function (template) {
      if (tiles) { map.removeLayer(tiles); tiles = null; }
      if (template) { tiles = L.tileLayer(template, { maxZoom: 19 }).addTo(map); tiles.bringToBack(); }
    },
    /** Red circles sized by their radius in metres. */
    setHotspots: function (list) {
      groups.hotspots.clearLayers();
      list.forEach(function (h) {
        L.circle([h.lat, h.lon], { radius: h.radius, color: '#c62828', weight: 2, fillColor: '#e53935', fillOpacity: 0.18 })
            .bindPopup('<div class="bw-popup">' + h.popup + '</div>')
            .on('click', pickOnLayer)
            .addTo(groups.hotspots);
      });
      return groups.hotspots.getLayers().length;
    },
    setGrid: function (cells) {
      groups.grid.clearLayers();
      cells.forEach(function (c) {
        L.rectangle([[c.south, c.west], [c.north, c.east]], { color: '#6a1b9a', weight: 1, fillOpacity: 0.25 })
            .bindPopup('<div class="bw-popup">' + c.popup + '</div>')
            .on('click', pickOnLayer)
            .addTo(groups.grid);
      });
      return groups.grid.getLayers().length;
    },
    /** Incidents as faint dots on a canvas: dense places darken. */
    setIncidents: function (points) {
      groups.incidents.clearLayers();
      points.forEach(function (p) {
        L.circleMarker(p, { renderer: canvas, radius: 3, stroke: false, fillColor: '#ef6c00', fillOpacity: 0.12 })
            .addTo(groups.incidents);
      });
      return groups.incidents.getLayers().length;
    },
    /** A blue marker for a checked place; its popup shows the prediction. */
    addMarker: function (lat, lon, popup) {
      var m = L.marker([lat, lon]).bindPopup('<div class="bw-popup">' + popup + '</div>').addTo(groups.markers);
      m.openPopup();
      return groups.markers.getLayers().length;
    },
    clearMarkers: function () {
      groups.markers.clearLayers();
    },
    fit: function (south, west, north, east) {
      fitTo(L.latLngBounds([[south, west], [north, east]]));
    },
    fitHotspots: function () {
      if (groups.hotspots.getLayers().length) { fitTo(groups.hotspots.getBounds().pad(0.2)); }
    },
    zoom: function () { return map.getZoom(); },
    count: function (group) {
      return groups[group].getLayers().length;
    },
    /** Every URL the page has requested, so a test can prove none left the machine. */
    requestedUrls: function () {
      var urls = [document.location.href];
      (performance.getEntriesByType('resource') || []).forEach(function (e) { urls.push(e.name); });
      Array.prototype.forEach.call(document.querySelectorAll('img, script, link'), function (el) {
        if (el.src) { urls.push(el.src); }
        if (el.href) { urls.push(el.href); }
      });
      return urls.join('\n');
    },
    /** Opens every area's name label at once (tests read them; hovering opens one at a time). */
    showAreaNames: function () {
      var opened = 0;
      groups.areas.eachLayer(function (layer) {
        layer.eachLayer(function (feature) {
          if (feature.getTooltip()) { feature.openTooltip(); opened++; }
        });
      });
      return opened;
    },
    /** What the Content-Security-Policy refused, one line each (see csp.js). */
    violations: function () {
      return (window.cspViolations || []).join('\n');
    },
    /** The pixel position of a coordinate inside the page, for tests that click the map. */
    pointOf: function (lat, lon) {
      var p = map.latLngToContainerPoint([lat, lon]);
      return p.x + ',' + p.y;
    },
    /** The coordinate under a pixel of the page, as "lat,lon". */
    latLngOf: function (x, y) {
      var ll = map.containerPointToLatLng([x, y]);
      return ll.lat + ',' + ll.lng;
    },
    size: function () {
      var s = map.getSize();
      return s.x + ',' + s.y;
    },
    invalidate: function () {
      map.invalidateSize();
      if (deferredFit) { fitTo(deferredFit); }
    }
  };

  // The cells of a cell method (grid, Gi*, KDE) and the KDE heat layer. Popups are plain text lines
  // set with textContent: nothing that reaches these functions is parsed as HTML.
  var cellColours = { cell: '#6a1b9a', gi90: '#f4a582', gi95: '#d6604d', gi99: '#b2182b', cold: '#2166ac',
                      heat: '#e65100' };
  groups.heat = L.featureGroup().addTo(map);
  groups.cells = L.featureGroup().addTo(map);
  control.addOverlay(groups.cells, 'Hotspot cells');
  control.addOverlay(groups.heat, 'Density (KDE)');
  function textPopup(lines) {
    var box = L.DomUtil.create('div', 'bw-popup');
    (lines || []).forEach(function (line) {
      L.DomUtil.create('div', '', box).textContent = String(line);
    });
    return box;
  }
  function drawAreas(group, list, heat) {
    group.clearLayers();
    (list || []).forEach(function (c) {
      var colour = cellColours[c.kind] || cellColours.cell;
      var w = Math.max(0, Math.min(1, Number(c.weight) || 0));
      var style = heat ? { stroke: false, fillColor: colour, fillOpacity: 0.08 + 0.62 * w }
                       : { color: colour, weight: 1, fillColor: colour, fillOpacity: 0.45 };
      L.rectangle([[c.south, c.west], [c.north, c.east]], style)
          .bindPopup(textPopup(c.lines))
          .on('click', pickOnLayer)
          .addTo(group);
    });
    return group.getLayers().length;
  }
  window.beatwise.setCells = function (list) { return drawAreas(groups.cells, list, false); };
  window.beatwise.setHeat = function (list) { return drawAreas(groups.heat, list, true); };

  // The place panel's sensitivity grid: the model's top class around the checked place, shaded by its
  // probability, in a layer and legend of its own (it is a model's answer, not a density of incidents).
  groups.nearby = L.featureGroup().addTo(map);
  control.addOverlay(groups.nearby, 'Top class nearby');
  var nearbyLegend = L.control({ position: 'bottomleft' });
  nearbyLegend.onAdd = function () {
    var box = L.DomUtil.create('div', 'bw-legend bw-hidden');
    L.DomEvent.disableClickPropagation(box);
    return box;
  };
  nearbyLegend.addTo(map);
  map.on('overlayadd overlayremove', function (e) {
    if (e.layer === groups.nearby) { showNearbyLegend(); }
  });
  function showNearbyLegend() {
    var box = nearbyLegend.getContainer();
    var shown = map.hasLayer(groups.nearby) && groups.nearby.getLayers().length > 0 && box.textContent !== '';
    box.className = shown ? 'bw-legend' : 'bw-legend bw-hidden';
  }
  /** The grid around the checked place with its legend (plain text); an empty list clears both. */
  window.beatwise.setNearby = function (legend, list) {
    groups.nearby.clearLayers();
    (list || []).forEach(function (c) {
      var w = Math.max(0, Math.min(1, Number(c.weight) || 0));
      L.rectangle([[c.south, c.west], [c.north, c.east]],
                  { color: '#00695c', weight: 0.5, opacity: 0.5, fillColor: '#00897b', fillOpacity: 0.08 + 0.55 * w })
          .bindTooltip(textPopup(c.lines), { sticky: true })
          .on('click', pickOnLayer)
          .addTo(groups.nearby);
    });
    nearbyLegend.getContainer().textContent = (list && list.length) ? String(legend || '') : '';
    showNearbyLegend();
    return groups.nearby.getLayers().length;
  };
  /** The legend's text while it shows, else '' (tests read it). */
  window.beatwise.nearbyLegend = function () {
    var box = nearbyLegend.getContainer();
    return box.className.indexOf('bw-hidden') < 0 ? box.textContent : '';
  };
  /** Each grid square's tooltip text, one a line (tests read them). */
  window.beatwise.nearbyTips = function () {
    var tips = [];
    groups.nearby.eachLayer(function (l) {
      var c = l.getTooltip() && l.getTooltip().getContent();
      tips.push(c && c.textContent !== undefined ? Array.prototype.map.call(c.childNodes,
          function (n) { return n.textContent; }).join(' | ') : String(c));
    });
    return tips.join('\n');
  };
  /** The layer control's labels, one a line (tests read them). */
  window.beatwise.layerNames = function () {
    return Array.prototype.map.call(document.querySelectorAll('.leaflet-control-layers-overlays label span'),
        function (s) { return s.textContent.trim(); }).join('\n');
  };
  /** Fits the map to the circles, cells and heat shown. */
  window.beatwise.fitShown = function () {
    var bounds = null;
    [groups.hotspots, groups.cells, groups.heat].forEach(function (g) {
      if (g.getLayers().length) {
        bounds = bounds ? bounds.extend(g.getBounds()) : L.latLngBounds(g.getBounds().getSouthWest(), g.getBounds().getNorthEast());
      }
    });
    if (bounds) { fitTo(bounds.pad(0.2)); }
  };
})();
