# Dateline's interface in English. Every message has a Korean twin in ko.ftl with the same
# arguments (tested). Names on the map are not here: they come with the map data.

## Languages (each named in itself where the switch shows it)
lang-en = English
lang-ko = 한국어
lang-both = Both

## Top bar
top-korea = Korea
top-korea-tip = Show the Korea view
top-region = Region
top-region-tip = Show the region view: Korea, China, Japan, Mongolia, Russia and Ukraine
top-world = World
top-world-tip = Show the whole world
top-globe = Globe
top-globe-tip = Switch between the flat map and the globe (G)
top-zoom-out-tip = Zoom out (−)
top-zoom-in-tip = Zoom in (+)
top-home = Home
top-home-tip = Back to the start view (Home)
top-names = Names:
top-names-tip = The language of the names on the map
top-layers = Layers
top-events = Events
top-events-tip = Show or hide the event list (E)
top-open = Open…
top-open-tip = Open a map or events file: GeoJSON, TopoJSON, KML/KMZ, zipped shapefile, CSV (Ctrl+O); you can also drop files on the window
top-add-event = + Event
top-add-event-tip = Add an event of your own: click the map for its place, then give its date, status and sources
top-save = Save…
top-save-tip = Save the view as a PNG, or a lesson's slides and handout (Ctrl+Shift+S)
top-copy-link = Copy link
top-copy-link-tip = Copy a link to what is shown (view, date, names, event, lesson step), to add after the web page's address: { $link }
top-link-copied = Link copied: { $link }
top-lesson = Lesson
top-lesson-tip = Step through a lesson, or present it to a class (F5). Opens the bundled lesson "From Hamhung to Kursk" when none is open
top-help-tip = Controls (every key, F1) and About (credits and licences)
top-controls = Controls (F1)
top-about = About
top-ui-lang = Interface language
top-ui-lang-tip = The language of buttons, panels and messages, kept for next time (Ctrl+L)
files-button = Files ({ $n })
problems-button = Problems ({ $n })

## Map layers
layer-rivers = rivers
layer-provinces-other = provinces (other countries)
layer-provinces-korea = provinces (Korea)
layer-coast = coastlines
layer-borders = borders
layer-mdl = military demarcation line (approximate)
layer-graticule = graticule

## Drawing tools
tool-measure = Measure
tool-measure-tip = Measure a distance along great circles (M)
tool-circle = Circle
tool-circle-tip = Draw a range circle of a radius in km (C)
tool-arrow = Arrow
tool-arrow-tip = Draw an arrow with a label (A)
tool-note = Note
tool-note-tip = Put a text note on the map (T)

## Event statuses and categories
status-confirmed = confirmed
status-reported = reported
status-claimed = claimed
status-disputed = disputed
status-denied = denied
status-confirmed-marker = confirmed (solid marker)
status-reported-marker = reported, not confirmed (hollow marker)
status-claimed-marker = claimed by one side (dashed marker)
status-disputed-marker = disputed between sources (half-filled marker)
status-denied-marker = denied (struck-through marker)
category-diplomacy = Diplomacy and treaties
category-arms-transfer = Arms transfers
category-weapons-production = Weapons production
category-missile-use = Missiles fired
category-troops = Troops
category-fighting = Fighting
category-other = Other
projection-regional = Map: Lambert conformal conic centred on 105°E (shapes true in the region)
projection-world = Map: Equal Earth centred on 150°E (areas true; zoom in for the region's map)
projection-globe = Globe: the Earth as a sphere

## Legend
legend = Legend
legend-story-countries = countries of the story
legend-other-countries = other countries
legend-land = land (neighbours in different colours)
legend-sea = sea and lakes
legend-town = town (bigger name: more people)
legend-capital = capital (bold name)
legend-leader = leader line to a name set apart
legend-status = Events: how sure (shape)
legend-confirmed = confirmed: solid
legend-reported = reported, not confirmed: hollow
legend-claimed = claimed by one side: dashed
legend-disputed = disputed: half-filled
legend-denied = denied: struck through
legend-category = Events: what happened (colour)
legend-ring = ring: the selected event's place
legend-notes = Arrows: routes, growing over their dates.
    Dashed circle: place known only roughly.
    Timeline: diamond, one day; filled bar, days;
    pale bar, known to the month or year.

## Controls and About
controls-title = Controls
key-drag = Drag
key-drag-does = move the map
key-wheel = Wheel, + / −
key-wheel-does = zoom about the pointer
key-arrows = Arrow keys
key-arrows-does = move the map
key-home = Home
key-home-does = back to the start view
key-l = L
key-l-does = names: English → 한국어 → both
key-space = Space
key-space-does = play or pause the timeline
key-prev = , or [
key-prev-does = previous event
key-next = . or ]
key-next-does = next event
key-e = E
key-e-does = show or hide the event list
key-click-marker = Click a marker
key-click-marker-does = open the event's card
key-f1 = F1
key-f1-does = show or hide this window
key-g = G
key-g-does = switch between the map and the globe
key-find = Ctrl+F or /
key-find-does = find a place
key-open = Ctrl+O
key-open-does = open a GeoJSON, TopoJSON, KML/KMZ, zipped shapefile or CSV file (or drop it on the window)
key-click-feature = Click a feature
key-click-feature-does = show its properties (your layers)
key-hover-city = Hover a city
key-hover-city-does = its names, population, province, country
key-esc = Esc
key-esc-does = close windows and the event card
key-save = Ctrl+Shift+S
key-save-does = save the view as a picture, or the lesson's slides and handout
key-measure = M, C
key-measure-does = measure a distance along great circles (click places; Delete removes the last) / a range circle (click its centre, set the radius); again or Esc to stop
key-draw = A, T
key-draw-does = draw an arrow (click where it starts and where it points) / a text note (click where it goes); Delete removes the last
key-present = F5
key-present-does = present the lesson (the bundled one if none is open); then → / PageDown / Space / click: next, ← / PageUp / right click: back, R: the answer, B: blank, + / −: type size, Esc: leave
key-ui-lang = Ctrl+L
key-ui-lang-does = interface language: English ↔ 한국어
about-title = About Dateline
about-intro = An offline atlas of the Korean peninsula and its region, for learning the geography of the news.
about-credits = Data, fonts and their licences:

## Timeline
timeline-prev-tip = Previous event ( , or [ )
timeline-next-tip = Next event ( . or ] )
timeline-play = ▶ Play
timeline-pause = ⏸ Pause
timeline-play-tip = Play or pause (Space)
timeline-speed = Speed:
timeline-speed-tip = Playback speed; quiet stretches are skipped
speed-day = 1 day/s
speed-week = 1 week/s
speed-month = 1 month/s
speed-quarter = 1 quarter/s
speed-year = 1 year/s
timeline-show = Show:
timeline-cumulative = everything so far
timeline-cumulative-tip = Cumulative: every event up to the date
timeline-recent = recent
timeline-recent-tip = Only the last days; older events fade out
timeline-days-suffix = { " " }days
timeline-whole = Whole story
timeline-whole-tip = Show every date on the timeline again
timeline-shown = { $shown } of { $n } events shown
timeline-no-place = { " " }· no place on the map
timeline-axis-tip = Click or drag to choose the date

## Event list
list-title = Events
list-search = Search:
list-search-hint = title, place, source… (English or 한국어)
list-categories = Show categories:
list-statuses = Show how sure:
list-no-place = · no place on the map
list-show-tip = Show on the map
list-later-tip = Not yet on the map at this date: click to jump to it
list-none = No event matches the search and filters.

## Event card
card-title = Event
card-uncertain = The sources give only the month or year.
card-where = Where: { $place }
card-where-precision = Where: { $place } (place known to the { $precision })
card-where-none = Where: no place given
precision-exact = exact spot
precision-site = site
precision-district = district
precision-city = city
precision-region = region
precision-country = country
card-route-not-reported = Route not reported
card-status = Status: { $status }
card-claimed-by = Claimed or reported by: { $who }
card-denied-by = Denied by: { $who }
card-sources = Sources
card-no-sources = None given in the file.
card-undated = undated
card-open-link = Open in the browser: { $url }
card-from-file = From { $file }
card-edit = Edit
card-edit-tip = Change this event and save it to its file

## Hover cards
hover-event = { $date } · { $status } · click for details
place-capital = capital city
place-town = town
place-district = district of a city
place-site = site (not a town)
place-island = island
place-river = river
place-area = disputed area
place-nk-form = North Korean form: { $name }
place-population = population { $n }
place-province = province: { $name }
place-country = country: { $name }
place-approximate = position approximate
place-source = source: { $note }

## Kinds of places (search results)
kind-capital = capital
kind-city = city
kind-town = town
kind-district = district
kind-site = site
kind-country = country
kind-province = province
kind-sea = sea
kind-strait = strait
kind-ocean = ocean
kind-bay = bay
kind-island = island
kind-river = river
kind-area = area

## Search, Open…, properties
search-hint = Find a place… (Ctrl+F)
search-none = No place by that name on this map.
open-title = Open a file
open-up = ⬆ Up
open-kinds = Maps (GeoJSON, TopoJSON, KML/KMZ, zipped shapefiles) and events (CSV, TimelineJS, StoryMapJS); a file with dates becomes timeline events.
open-reading = Reading the folder…
open-empty = No folders or files Dateline can open here.
properties-none = This feature has no properties.
io-cannot-open = cannot open { $path }: { $why }
io-cannot-list = cannot list { $path }: { $why }
io-not-found = there is no such file or folder
io-permission = you are not allowed to read it

## Your files and their problems
stage-reading = reading
stage-events = reading events
stage-file = reading the file
stage-tessellating = tessellating
file-loading = { $stage }… { $percent }% of { $mb } MB ({ $seconds } s)
file-features = { $n ->
    [one] { $n } feature
   *[other] { $n } features
}
file-events = { $n ->
    [one] { $n } event on the timeline
   *[other] { $n } events on the timeline
}
file-nothing = nothing loaded
file-stale = { " " }(last good version: the saved file has errors)
file-errors = { $n ->
    [one] { " " }· { $n } error
   *[other] { " " }· { $n } errors
}
file-warnings = { $n ->
    [one] { " " }· { $n } warning
   *[other] { " " }· { $n } warnings
}
file-timed = Appears with the timeline by "{ $field }": { $first } – { $last }
file-focus = Timeline on these dates
file-focus-tip = Narrow the timeline to this file's dates, to play them
file-group = { $name } ({ $n ->
    [one] { $n } feature
   *[other] { $n } features
})
file-group-tip = Show or hide this part of the file
file-size-by = Size by
file-size-alike = nothing (all alike)
file-size-by-tip = Bigger and darker dots for bigger values (for example an earthquake's magnitude)
files-title = Your files
files-none = No file open. Drop a GeoJSON, TopoJSON, KML/KMZ, zipped shapefile or CSV file on the window, or use Open….
files-reload = Reload
files-reload-tip = Read the file again now
files-remove = Remove
files-remove-tip = Remove from the map
files-problems = Problems ({ $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}, { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
})
problems-title = Problems
problems-none = No problems in the opened files.
problems-stale = The map still shows the last version that loaded.
problem-error = ✖ error
problem-warning = ⚠ warning
problem-hint = What to do: { $hint }
problem-whole-file = the whole file
problem-top-level = the top-level object
problem-line-col = line { $line }, column { $column }
problem-row = row { $row }
problem-cell = row { $row }, column "{ $column }"

## Tool windows
tool-radius-of = { $km } radius
tool-source-of = source: { $source }
tool-arrow-n = Arrow { $n }:
tool-note-n = Note { $n }:
tool-remove-it = Remove it
tool-measure-title = Measure a distance
tool-circle-title = Range circle
tool-arrow-title = Arrows
tool-note-title = Text notes
tool-measure-how = Click places on the map or the globe; the line follows great circles (the shortest way over the Earth). Delete removes the last place.
tool-in-all = { $km } in all
tool-places-so-far = { $n ->
    [one] { $n } place so far
   *[other] { $n } places so far
}
tool-clear = Clear
tool-done = Done ({ $key })
tool-arrow-how = Type the arrow's label (or none), then click where it starts and where it points. Delete removes the last.
tool-note-how = Type the note, then click where it goes. Delete removes the last.
tool-text = Text:
tool-arrow-then = Now click where it points.
tool-keep-in-step = "Add step from screen" in the Lesson window keeps them in a step.
tool-circle-how = Click the centre on the map or the globe, then set the radius.
tool-radius = Radius:
tool-label = Label:
tool-source = Source:
tool-source-tip = Where the radius comes from: a report, a specification

## Saving pictures and lessons
save-title = Save
save-view-png = This view (PNG)
save-lesson = The lesson: slides and handout
save-lesson-first = Open a lesson first (Lesson in the top bar)
save-size = Size:
save-window-size = the window's size
save-folder = Folder:
save-view-where = Saved as dateline-DATE-TIME.png in that folder.
save-view-button = Save the view
save-lesson-where = One picture per step (step-01.png …) and handout.html, in { $folder }
save-lesson-button = Save slides and handout
save-progress = { $done } of { $total }
save-failed = { $error } — choose another folder
export-no-lesson = no lesson is open to export
export-cannot-make-folder = cannot make the folder { $folder }: { $error }
export-cannot-write = cannot write { $file }: { $error }
export-saved-view = saved { $file }
export-saved-lesson = saved { $n } slides and handout.html in { $folder }

## Your own events: the editor
editor-new-title = New event
editor-edit-title = Edit event
editor-place-at = Place: { $lat }°N { $lon }°E
editor-place-shapes = Place: its route or area, as in the file
editor-place-click = Click the map for its place (or leave it without one)
editor-place-again = Place it again
editor-title = Title
editor-title-ko = Title (Korean)
editor-start = Start (YYYY, YYYY-MM or YYYY-MM-DD)
editor-end = End (if any)
editor-place-words = Place in words
editor-claimed-by = Claimed by (; between)
editor-denied-by = Denied by (; between)
editor-category = Category
editor-status = How sure
editor-summary = What happened, what is known
editor-sources = Sources (who reported it)
editor-publisher = Publisher
editor-source-date = Date
editor-source-title = Title
editor-link = Link
editor-remove-source = Remove this source
editor-add-source = Add a source
editor-file = File:
editor-file-tip = A .geojson file, or a .csv with Dateline's columns (one point and one source per event)
editor-save = Save
editor-unreadable = the event could not be read; give it a title and a start date
events-file-exists = { $file } already exists and is not open: open it first (Ctrl+O) so its events are kept, or choose another name
events-cannot-write = cannot write { $file } ({ $error }); choose another folder
events-saved = saved to { $file }

## Lessons: the Lesson window and presenting
lesson-title = Lesson
lesson-opening = Opening the lesson…
lesson-none-open = No lesson is open.
lesson-open-bundled = Open the bundled lesson
lesson-new = New lesson
lesson-edit = Edit
lesson-edit-tip = Build or change the lesson: steps from what is on screen, narration, questions
lesson-by = by { $author }
lesson-back = ◀ Back
lesson-next = Next ▶
lesson-hide-answer = Hide answer
lesson-show-answer = Show answer (R)
lesson-present = Present (F5)
lesson-save = Save slides and handout…
lesson-save-tip = One picture per step and a handout page for students who missed the lesson
lesson-close = Close the lesson
close-window = Close the window
present-answer-hint = R: show the answer
present-keys = → next · ← back · R answer · B blank · Esc leave

## The lesson editor
le-heading = Lesson editor
le-done = Done
le-done-tip = Leave the editor (the Lesson window comes back)
le-none-open = No lesson is open: New lesson starts one.
le-no-steps = No steps yet: set up the map, the date and the tools, then Add step from screen.
le-lesson-title = Lesson title
le-add-step = Add step from screen
le-add-step-tip = The view, map or globe, date, selected event, measured line and range circle as they are now
le-step-n = Step { $n }
le-duplicate = Duplicate
le-delete = Delete
le-up = Up
le-up-tip = Move the step up
le-down = Down
le-down-tip = Move the step down
le-step-id = step id: { $id }
le-title = Title
le-narration = Narration (**bold**, *italic*, [link](https://…))
le-date = Date:
le-date-tip = YYYY, YYYY-MM or YYYY-MM-DD
le-use-screen = Use the view and date on screen
le-question-on = A question for the class
le-question = Question
le-choices = Choices, one per line (none: an open question)
le-right-choice = Right answer: choice
le-model-answer = Model answer
le-undo = Undo
le-redo = Redo
le-save = Save
le-edited = edited
le-saved = saved
le-save-as = Save as
le-highlights = Highlighted events and places
le-event = event: { $title }
le-event-missing = event { $id }: not on the timeline
le-add-selected = + the selected event
le-add-selected-tip = The event whose card is open
le-place = place: { $name }
le-place-missing = place { $id }: no such place
le-add-place = Add a place:
le-add-place-hint = name in English or Korean
le-no-place = no place by that name
le-layers = Layers
le-rivers = Rivers
le-provinces = Provinces
le-graticule = Graticule
le-as-before = as before
le-on = on
le-off = off
le-file = file { $file }
le-drawings = Drawings
le-no-drawings = None. Draw with Measure, Circle, Arrow or Note, then "Add step from screen".
le-arrow = Arrow
le-circle = Circle, { $km }
le-note = Note
le-measure = { $n ->
    [one] Measured line, { $n } place
   *[other] Measured line, { $n } places
}
le-label = Label
le-radius-source = Source of the radius
le-text = Text
problem-error-word = error
problem-warning-word = warning

## Opening files and lessons (problems the app finds before the file's contents)
load-cancelled = loading was cancelled
load-cancelled-hint = open the file again
load-cannot-open = cannot open the file ({ $error })
load-cannot-open-hint = check that it exists and that you may read it
load-folder = this is a folder, not a file
load-folder-hint = open a file such as .geojson, .topojson, .kml, .kmz, .zip (a shapefile) or .csv
load-too-big = the file is { $mb } MB; the limit is { $limit } MB
load-too-big-hint = split it, or simplify it (for example with mapshaper -simplify)
load-cannot-read-hint = check that you may read it
load-grew = the file grew past the size limit while reading
load-grew-hint = try again once it is saved
load-stopped = reading stopped ({ $error })
load-stopped-hint = try again; is the file on a removed disk?
lesson-cannot-save = cannot save the lesson to { $file } ({ $error }); choose another folder with Save as
lesson-cannot-save-hint = the lesson stays open with its edits
lesson-no-file = this lesson has no file yet
lesson-no-file-hint = use Save as and give it a name ending in .dateline-lesson.json
lesson-cannot-read = cannot read the lesson ({ $error })
lesson-cannot-read-hint = check the file's name and that you may read it
lesson-changed = the file was changed by another program while you edit it here
lesson-changed-hint = your edits are kept: Save writes them over the other change, Save as keeps both
place-id = { " " }· id { $id }
top-tools = Draw
top-tools-in-use = Draw: { $tool }
top-tools-tip = Measure a distance (M), a range circle (C), an arrow (A) or a note (T)

## For screen readers
list-row-name = { $title }, { $date }, { $status }{ $shown ->
    [yes] {""}
   *[no] , not yet on the map at this date
}
card-announce = { $title }. { $date }. { $status }.
timeline-axis-name = Timeline, at { $date }
timeline-prev-name = Previous event
timeline-next-name = Next event
top-zoom-out-name = Zoom out
top-zoom-in-name = Zoom in
top-help-name = Help: Controls and About
list-search-name = Search the events
top-text-size = Text size (Ctrl + / Ctrl −):
top-text-smaller = Smaller text
top-text-larger = Larger text
top-high-contrast = High contrast (Ctrl+Shift+H)
announce-place = { $name }: { $kind }{ $country }
announce-no-events = No event is on the map at this date.
announce-no-places = No place is named on the map here.
key-timeline-steps = Ctrl+← → / PageUp PageDown
key-timeline-steps-does = the timeline's date: a day back or on / a month back or on
key-cycle = N / P (Shift: back)
key-cycle-does = the next event on the map (its card opens and is read out) / the next place named on the map (ringed and read out)
key-text-size = Ctrl + / Ctrl − / Ctrl+0
key-text-size-does = the interface's text larger / smaller / as it was
key-high-contrast = Ctrl+Shift+H
key-high-contrast-does = high-contrast panels on or off
key-tab = Tab / Shift+Tab, Enter, Space
key-tab-does = move between buttons, fields and the event list; Enter or Space presses or opens

## What a file held (dateline check, the files window)
summary-nothing = nothing could be read
summary-events = { $n ->
    [one] { $n } event on the timeline
   *[other] { $n } events on the timeline
}, { $placed } with a place
summary-from-to = , { $first } to { $last }
summary-layer = { $n ->
    [one] a map layer of { $n } feature
   *[other] a map layer of { $n } features
}
summary-timed-layer = { $n ->
    [one] a timed layer of { $n } feature
   *[other] a timed layer of { $n } features
}
summary-groups = { " " }in { $n } groups ({ $list })
summary-shapes = { " " }({ $areas } with areas, { $lines } with lines, { $points } with points)
summary-dated = ; dated by "{ $field }" from { $first } to { $last }
summary-undated = , { $n } always shown
summary-numbers = ; numbers to size by: { $list }
check-ok = { $file }: ok: { $summary }
check-left-out = { $file }: { $summary }; the problems above were left out
check-nothing = { $file }: nothing could be loaded
check-cannot-read = { $file }: error: cannot read the file ({ $error }) — check the name and that you may read it
announce-timeline-end = { $date } (the end of the timeline)

## Problems found in opening a file or a lesson (the core's loaders: GeoJSON, CSV and events,
## TopoJSON, KML/KMZ, shapefiles, ZIP archives, TimelineJS/StoryMapJS, lessons, dates).
## Messages say what is wrong; the -hint ones and the others after them say what to do.

crs-guess-5179 = probably EPSG:5179 (Korea 2000 / Unified CS, used by Korean portals)
crs-guess-korean-tm = probably a Korean TM (EPSG:5186 / 5181 / 5174…)
crs-guess-utm = probably UTM (EPSG:326xx north of the equator, 327xx south)
crs-guess-web-mercator = probably Web Mercator (EPSG:3857)
csv-byte-order-mark-bom = a byte-order mark (BOM) at the start was removed
csv-cannot-read-header-row = cannot read the header row: { $e }
csv-check-quotes-field-comma = check its quotes: a field with a comma must be in double quotes
csv-file-mb-limit-csv = the file is { $bytes } MB; the limit for CSV events is 64 MB
csv-file-not-utf-8 = the file is not UTF-8 text
csv-file-utf-16-text = the file is UTF-16 text
csv-fill-both-leave-both = fill in both, or leave both empty for an event without a place
csv-first-row-must-name = the first row must name the columns
csv-header-row-no-start = the header row has no "start" and "title" columns (found: { $join })
csv-latitude-out-range-lon = latitude { $y } is out of range; lon and lat look swapped
csv-name-columns-start-end = name the columns start,end,title,summary,lon,lat,place,category,status,source_publisher,source_title,source_date,source_url
csv-not-longitude-latitude-pair = "{ $lon }", "{ $lat }" is not a longitude, latitude pair
csv-nothing-do-avoid-warning = nothing to do; to avoid this warning save as CSV UTF-8
csv-nothing-do-some-editors = nothing to do; some editors add it when saving as UTF-8
csv-only-one-lon-lat = only one of lon and lat is filled in
csv-put-longitude-east-west = put longitude (east–west, e.g. 127.5) in "lon" and latitude (e.g. 39.9) in "lat"
csv-row-cannot-read = this row cannot be read: { $e }
csv-save-again-csv-utf = save it again as "CSV UTF-8"
csv-save-again-csv-utf-2 = save it again as "CSV UTF-8" (Korean spreadsheets often save EUC-KR/CP949)
csv-split-into-smaller-files = split it into smaller files
csv-write-decimal-degrees-e = write decimal degrees, e.g. lon 127.58 and lat 39.97
date-no-month = "{ $text }": month { $month } does not exist (1–12)
date-not-date = "{ $text }" is not a date; write it as YYYY, YYYY-MM or YYYY-MM-DD (for example 2024-10 or 2024-10-17)
date-not-date-time = "{ $text }" is not a date and time; write it as 2024-10-17T14:30:00Z (or just 2024-10-17)
date-not-text-or-number = a date must be text like "2024-10-17" or a number of seconds since 1970, not { $value }
date-number-not-date = { $number } is a number but not a date (a year has 4 digits; Unix time is at least 9 digits)
ev-add-short-title-saying = add a short "title" saying what happened
ev-add-sources = add "sources": [{"{"}"publisher": …, "date": …, "title": …{"}"}]
ev-add-start-yyyy-mm = add "start": "YYYY-MM-DD" (or "YYYY-MM" when only the month is known)
ev-add-status-one-confirmed = add "status": one of confirmed, reported, claimed, disputed, denied
ev-date-s-example-read = { $n } date(s) were { $explain }; for example { $raw } was read as { $describe }
ev-event-ends-before-starts = the event ends ({ $e }) before it starts ({ $s })
ev-event-no-date = this event has no date
ev-event-no-title = this event has no title
ev-event-s-dates-without = { $n } event(s) have dates without a day; each is shown across its whole month or year
ev-fill-source-publisher-source = fill in source_publisher, source_title and source_date
ev-fix-date-write-2024 = fix the date (write it as "2024-10" or "2024-10-17"); this event is not shown until then
ev-no-sources-readers-cannot = no sources: readers cannot tell who reported this
ev-no-status-shown-reported = no "status"; shown as reported
ev-nothing-do-if-right = nothing to do if that is right; write dates as YYYY-MM-DD to be exact
ev-nothing-do-if-sources = nothing to do if the sources give only the month; add the day when they give it
ev-say-who-published-publisher = say who published it ("publisher": "Reuters")
ev-should-list-names-ignored = "{ $field }" should be a list of names; ignored
ev-source-must-object-not = a source must be an object, not { $s }
ev-source-no-publisher = a source has no publisher
ev-sources-must-list-objects = "sources" must be a list of objects, not { $other }
ev-swap-two-dates-fix = swap the two dates or fix the end
ev-unknown-place-precision-ignored = unknown place precision { $v }; ignored
ev-unknown-status = unknown status { $v }
ev-use-one-confirmed-reported = use one of confirmed, reported, claimed, disputed, denied
ev-use-one-exact-site = use one of exact, site, district, city, region, country
ev-write = write [{"{"}"publisher": "Reuters", "date": "2023-09-13", "title": "…"{"}"}]
ev-write-2 = write {"{"}"publisher": …, "date": …, "title": …, "url": …{"}"}
ev-write-name-name-csv = write it as ["name", "name"] (in CSV: names separated by ;)
fmt-fix-remove-position = fix or remove this position
fmt-latitude-longitude-look-swapped = latitude and longitude look swapped: the order is longitude first, then latitude
fmt-longitude-must-within-180 = longitude must be within ±180 and latitude within ±90
fmt-polygon-ring-s-did = { $closed } polygon ring(s) did not end where they started; they were closed
fmt-polygon-ring-s-wound = { $rewound } polygon ring(s) were wound the other way round than Dateline draws them and have been rewound
fmt-position-not-number = a position is not a number
fmt-these-look-like-projected = these look like projected coordinates in metres (e.g. EPSG:3857 or EPSG:5179); export the data again in longitude/latitude (EPSG:4326)
geo-add-coordinates = add its "coordinates"
geo-add-features-features-inside = add "features": [ … ] with the features inside
geo-add-geometries = add "geometries": [ … ]
geo-add-geometry-null-if = add "geometry": null if it has no place, or its geometry
geo-add-missing-corners-close = add the missing corners and close the ring
geo-add-missing-number = add the missing number
geo-add-second-position-make = add a second position or make it a Point
geo-add-type-feature-geometry = add "type": "Feature" (or the geometry type) to it
geo-bbox-must-list-4 = "bbox" must be a list of 4 or 6 numbers
geo-bbox-numbers-needs-4 = "bbox" has { $a } numbers; it needs 4 (west, south, east, north) or 6
geo-cannot-stand-where-geometry = a { $t } cannot stand where a geometry is expected
geo-check-coordinates = check its coordinates
geo-check-coordinates-here-file = check the coordinates here, or the file's "crs"
geo-check-coordinates-place = check the coordinates at this place
geo-check-punctuation-here-quotes = check the punctuation here: quotes, commas and brackets
geo-convert-geojson-first-example = convert it to GeoJSON first (for example with QGIS or ogr2ogr -f GeoJSON)
geo-convert-topo2geo-npm-topojson = convert it with topo2geo (npm topojson-client) or mapshaper -o format=geojson
geo-coordinates-converted-longitude-latitude = coordinates were in { $label } and were converted to longitude/latitude
geo-coordinates-must-numbers-found = coordinates must be numbers, found { $i }
geo-coordinates-nested-lists-numbers = coordinates are nested lists of numbers
geo-coordinates-which-longitude-latitude = coordinates are in { $label }, which is longitude/latitude within a metre of WGS 84; they were used as they are
geo-data-nested-too-deeply = the data is nested too deeply (more than 128 levels)
geo-delete-comment = delete the comment
geo-delete-everything-before-first = delete everything before the first `{"{"}` and after the last `{"}"}`, then save as .geojson
geo-delete-last-comma = delete the last comma
geo-delete-what-follows-last = delete what follows the last closing `{"}"}`
geo-download-probably-saved-page = the download probably saved the page around the data; use the site's raw or download link
geo-each-entry-features-must = each entry of "features" must be {"{"} "type": "Feature", … {"}"}
geo-empty-line-skipped = an empty line was skipped
geo-empty-polygon-skipped = an empty polygon was skipped
geo-esri-json-arcgis-not = this is Esri JSON (ArcGIS), not GeoJSON
geo-expected-feature-found = expected "Feature", found "{ $t }"
geo-expected-feature-object-here = expected a Feature object here, found { $v }
geo-expected-geometry-object-found = expected a geometry object, found { $v }
geo-expected-list-found = expected a list of { $what }, found { $v }
geo-expected-position-longitude-latitude = expected a position [longitude, latitude], found { $v }
geo-export-data-geojson = export the data as GeoJSON
geo-export-layer-geojson-arcgis = export the layer as GeoJSON (in ArcGIS: f=geojson; or ogr2ogr -f GeoJSON)
geo-extract-open-geojson-inside = extract it and open the GeoJSON inside
geo-feature-no-geometry-member = this Feature has no "geometry" member
geo-featurecollection-needs-features-list = a FeatureCollection needs a "features" list
geo-features-must-list-not = "features" must be a list [ … ], not { $other }
geo-file-cut-short-save = the file is cut short; save or download it again
geo-file-empty = the file is empty
geo-file-ends-middle-data = the file ends in the middle of the data
geo-file-holds-instead-geojson = the file holds { $v } instead of a GeoJSON object
geo-file-mb-more-than = the file is { $bytes } MB, more than the { $value } MB Dateline reads
geo-file-not-utf-8 = the file is not UTF-8 text (Korean text saved as EUC-KR or CP949 looks like this)
geo-file-saved-utf-16 = the file is saved as UTF-16 text
geo-file-starts-byte-order = the file starts with a byte-order mark (BOM), which was ignored
geo-fix-bbox-delete-optional = fix the bbox or delete it (it is optional)
geo-flatten-collection = flatten the collection
geo-geojson-file-starts = a GeoJSON file starts with {"{"} "type": "FeatureCollection", … {"}"}
geo-geojson-never-needs-much = GeoJSON never needs this much nesting; the file is probably damaged
geo-geometries-must-list-not = "geometries" must be a list, not { $list }
geo-geometry-could-not-read = this geometry could not be read ({ $e })
geo-geometry-looks-like = a geometry looks like {"{"} "type": "Point", "coordinates": [lon, lat] {"}"}
geo-geometrycollection-geometries-not-coordinates = a GeometryCollection has "geometries", not "coordinates"
geo-geometrycollection-needs-geometries-list = a GeometryCollection needs a "geometries" list
geo-geometrycollections-nested-more-than = GeometryCollections are nested more than 8 deep
geo-gzip-compressed-file = this is a gzip-compressed file
geo-height-third-number-position = the height (third number) of this position is not a number
geo-id-must-text-number = "id" must be text or a number, not { $other }
geo-javascript-var-name-not = this is JavaScript (`var name = {"{"}…{"}"}`), not plain GeoJSON
geo-json-does-not-allow = JSON does not allow comments
geo-keep-one-them-json = keep one of them; JSON readers disagree on which one wins
geo-key-appears-twice-same = the key "{ $key }" appears twice in the same object
geo-kml-file-not-geojson = this is a KML file, not GeoJSON
geo-latitude-longitude-look-swapped = latitude and longitude look swapped: GeoJSON order is [longitude, latitude]
geo-line-needs-least-2 = a line needs at least 2 positions; this one has 1
geo-line-s-ring-s = { $crossed } line(s) or ring(s) cross the 180° meridian; they are drawn as one continuous shape
geo-metres-add-crs = the file does not say which system its metres are in: add a "crs" member naming it, e.g. "crs": {"{"}"type": "name", "properties": {"{"}"name": "urn:ogc:def:crs:EPSG::5179"{"}"}{"}"}, and Dateline converts them; or re-export the file in EPSG:4326 (longitude/latitude)
geo-move-where-belongs-feature = move it to where it belongs (a Feature's geometry, or its properties) or delete it
geo-must-not-member = a { $what } must not have a "{ $k }" member
geo-nan-infinity-not-numbers = NaN and Infinity are not numbers JSON allows
geo-needs-one-more-level = this needs one more level of [ ] around the numbers
geo-newline-delimited-geojson-one = this is newline-delimited GeoJSON (one feature per line)
geo-no-coordinates = this { $t } has no "coordinates"
geo-not-on-earth = [{ $lon }, { $lat }] is not a longitude/latitude on Earth
geo-not-on-earth-metres = [{ $lon }, { $lat }] is not a longitude/latitude on Earth: these look like projected coordinates in metres
geo-not-on-earth-metres-guess = [{ $lon }, { $lat }] is not a longitude/latitude on Earth: these look like projected coordinates in metres, { $guess }
geo-not-position-coordinate-system = [{ $x }, { $y }] is not a position in { $label }, the coordinate system the file declares
geo-not-valid-json = this is not valid JSON ({ $short })
geo-nothing-do = nothing to do
geo-nothing-do-avoid-warning = nothing to do; to avoid this warning save the file as UTF-8
geo-nothing-do-enclose-rest = nothing to do; to enclose the rest of the globe instead, close the ring through the other pole
geo-nothing-do-rfc-7946 = nothing to do; RFC 7946 asks for counter-clockwise outer rings
geo-nothing-do-skip-conversion = nothing to do; to skip the conversion, save the file in EPSG:4326 (longitude/latitude)
geo-number-too-large-coordinate = a number is too large to be a coordinate
geo-object-no-type = this object has no "type"
geo-open-text-editor-save = open it in a text editor and save it again with the encoding UTF-8
geo-polygon-ring-needs-least = a polygon ring needs at least 4 positions (the last repeating the first); this one has { $ring }
geo-polygon-ring-not-closed = this polygon ring is not closed: its last position differs from its first
geo-polygon-ring-s-go = { $polar } polygon ring(s) go all the way round a pole without closing; they are closed through the pole on their side
geo-polygon-ring-s-wound = { $rewound } polygon ring(s) were wound the wrong way and have been rewound
geo-position-longitude-latitude = a position is [longitude, latitude]
geo-position-needs-2-numbers = a position needs 2 numbers (longitude, latitude); this one has { $a }
geo-position-s-more-than = { $extra_dims } position(s) have more than 3 numbers; the extra ones are ignored
geo-properties-must-object-not = "properties" must be an object {"{"}…{"}"}, not { $other }
geo-put-each-geometry-geometries = put each geometry in a "geometries" list
geo-put-features-square-brackets = put the features in square brackets
geo-put-geometries-square-brackets = put the geometries in square brackets
geo-re-export-file-geojson = re-export the file as GeoJSON in EPSG:4326 (QGIS: Export → Save Features As…, CRS EPSG:4326); Dateline converts the Korean systems (EPSG:5179, 5186, 5174…), UTM and Web Mercator itself
geo-remove-quotes-fix-value = remove the quotes or fix the value
geo-remove-write-number = remove it or write a number
geo-repeat-first-position-end = repeat the first position at the end of the ring
geo-replace-them-real-coordinates = replace them with real coordinates or remove the feature
geo-save-again-utf-8 = save it again as UTF-8 (in most editors: Save As… → Encoding: UTF-8)
geo-save-geojson-again-file = save the GeoJSON again; the file has no content
geo-split-into-smaller-files = split it into smaller files or simplify it (for example with mapshaper -simplify)
geo-there-comma-before-closing = there is a comma before a closing bracket (trailing comma)
geo-there-more-data-after = there is more data after the end of the GeoJSON object
geo-these-coordinates-coordinate-system = these coordinates are in the coordinate system { $crs } (declared at { $at }), not longitude/latitude (WGS 84), and Dateline cannot convert that one
geo-topojson-not-geojson = this is TopoJSON, not GeoJSON
geo-type-case = write it exactly as "{ $name }" (type names are case-sensitive)
geo-type-must-text-not = "type" must be text, not { $other }
geo-type-one-of = use one of FeatureCollection, Feature, Point, LineString, Polygon, MultiPoint, MultiLineString, MultiPolygon, GeometryCollection
geo-unknown-type = unknown type "{ $t }"
geo-unzip-first-gunzip-then = unzip it first (gunzip), then open the .geojson inside
geo-use-null = use {"{"} "name": "…" {"}"} or null
geo-use-text-numeric-id = use a text or numeric id, or delete it
geo-web-page-html-not = this is a web page (HTML), not GeoJSON
geo-wrap-geometry-feature = wrap the geometry in a Feature: {"{"} "type": "Feature", "geometry": …, "properties": {"{"}{"}"} {"}"}
geo-wrap-lines-commas-between = wrap the lines in {"{"}"type":"FeatureCollection","features":[ … ]{"}"} with commas between them
geo-write-type-text-e = write the type as text, e.g. "type": "Feature"
geo-xml-file-not-geojson = this is an XML file, not GeoJSON
geo-zip-archive-maybe-kmz = this is a ZIP archive (maybe KMZ or a zipped shapefile)
kind-list = a list
kind-null = null
kind-number = a number
kind-object = an object
kind-text = text
kind-true-false = true/false
kml-3d-model-s-skipped = { $n } 3D model(s) were skipped
kml-add-missing-corners-make = add the missing corners, or make it a LineString or Point
kml-add-outer-boundary-delete = add the outer boundary, or delete the empty Polygon
kml-archive-holds-kml-files = the archive holds { $kmls } KML files; only "{ $name }" was read
kml-cdata-section-never-closed = a <![CDATA[ section is never closed with ]]>
kml-check-kmz-from-google = check that this is a KMZ from Google Earth or My Maps; unzip it to see what it holds
kml-check-tags = check the tags here: every <tag> needs its </tag>, in the right order
kml-closes-tag-never-opened = </{ $name }> closes a tag that was never opened
kml-comment-never-closed = a comment <!-- is never closed with -->
kml-coordinates = the coordinates "{ $shown }": { $m }
kml-dateline-never-fetches-from = Dateline never fetches from the internet; download the linked files and open them
kml-dateline-never-fetches-from-2 = Dateline never fetches from the internet; download the linked file and open it
kml-file-ends-inside-tag = the file ends inside a tag (it is cut short)
kml-file-not-utf-8 = the file is not UTF-8 text; it was read as Korean (EUC-KR/CP949)
kml-file-plain-kml-not = this file is plain KML, not a KMZ archive; it was read as KML
kml-file-written-encoding-says = the file is written in the { $enc } encoding (it says encoding="{ $label }"), not UTF-8; it was converted
kml-fix-number-decimals-use = fix the number; decimals use a point (126.98), not a comma
kml-flatten-multigeometry = flatten the MultiGeometry
kml-gx-track-position = a gx:Track position "{ $t }": { $m }
kml-here-where-expected = </{ $found }> is here where </{ $expected }> was expected
kml-if-names-look-garbled = if names look garbled, open the file in a text editor and save it again with the encoding UTF-8
kml-image-overlay-s-skipped = { $n } image overlay(s) were skipped; Dateline shows places, lines and areas, not pictures laid on the map
kml-incomplete-hint = the file is incomplete; save, export or download it again
kml-kmz-archive-holds-no = the KMZ archive holds no .kml file
kml-more-networklink-s-not = { $n } more NetworkLink(s) were not followed
kml-multigeometry-nested-more-than = MultiGeometry is nested more than 8 deep
kml-never-closed = <{ $name }> is never closed
kml-not-followed = { $what } was not followed
kml-not-kml-file-no = this is not a KML file (it has no <kml> element)
kml-not-number = "{ $s }" is not a number
kml-not-valid-xml = this is not valid XML ({ $other })
kml-nothing-do-renaming-kml = nothing to do; renaming it to .kml avoids this message
kml-nothing-do-share-file = nothing to do; to share the file, saving it as UTF-8 is safer
kml-open-kml-file-exported = open a .kml file exported from Google Earth, My Maps or a GIS program
kml-point-positions-only-first = a Point has { $pts } positions; only the first was used
kml-point-without-coordinates-skipped = a Point without coordinates was skipped
kml-polygon-no-outer-boundary = this Polygon has no outer boundary (<outerBoundaryIs><LinearRing>)
kml-polygon-s-needs-least = a polygon's { $what } needs at least 3 different corners; this one has { $ring }
kml-position-needs-longitude-latitude = a position needs a longitude and a latitude separated by a comma
kml-save-export-kml-again = save or export the KML again; the file has no content
kml-see-others-unzip-archive = to see the others, unzip the archive and open each .kml file
kml-too-deep = a Placemark is nested more than { $depth } elements deep
kml-too-deep-hint = KML never needs this much nesting; the file is probably damaged
kml-use-linestring-multigeometry-points = use a LineString or a MultiGeometry of Points for several positions
kml-write-each-position-longitude = write each position as longitude,latitude (for example 126.98,37.57), positions separated by spaces
lesson-answer-not-one-choices = the answer { $a } is not one of the { $choices } choices
lesson-check-id-event-s = check the id in the event's card, or open the file that has the event
lesson-check-id-place-s = check the id in the place's card (hover it on the map)
lesson-check-spelling-place-takes = check the spelling; this place takes { $join }
lesson-circle-needs-radius-km = the circle needs a radius in km, more than 0 and less than 20,000
lesson-expected-annotation-found = expected an annotation, found { $v }
lesson-expected-date-quotes-found = expected a date in quotes, found { $d }
lesson-expected-layers-found = expected layers, found { $v }
lesson-expected-lesson-json-object = expected a lesson (a JSON object), found { $v }
lesson-expected-list-annotations-found = expected a list of annotations, found { $x }
lesson-expected-list-choices-found = expected a list of choices, found { $c }
lesson-expected-list-ids-found = expected a list of ids, found { $v }
lesson-expected-place-longitude-latitude = expected a place as [longitude, latitude], found { $v }
lesson-expected-question-found = expected a question, found { $v }
lesson-expected-step-found = expected a step, found { $v }
lesson-expected-string-found = expected a string, found { $x }
lesson-expected-text-found = expected text, found { $v }
lesson-expected-true-false-found = expected true or false, found { $x }
lesson-expected-true-false-found-2 = expected true or false, found { $v }
lesson-expected-view-found = expected a view, found { $v }
lesson-file-leaves-folder = "{ $file }" leaves the lesson's folder; a lesson may only use files in its own folder or below it (copy the file there and name it by its relative path)
lesson-file-links-out = "{ $file }" is a link to a file outside the lesson's folder; copy the file into the folder instead
lesson-file-not-lesson-s = the file "{ $f }" is not in the lesson's folder
lesson-file-not-utf-8 = the file is not UTF-8 text (a bad byte at { $valid_up_to })
lesson-fix-problems-listed-steps = fix the problems listed for its steps
lesson-give-each-step-own = give each step its own id
lesson-give-longitude-latitude = give it as [longitude, latitude]
lesson-give-number-right-choice = give the number of the right choice, counting from 0
lesson-give-right-choice-s = give the right choice's number (from 0), or a model answer for an open question
lesson-give-short-name-unique = give it a short name, unique in the lesson, such as "kursk"
lesson-give-steps-least-one = give it "steps": [ … ] with at least one step
lesson-give-title = give it a title
lesson-give-title-2 = give it a "title"
lesson-give-zoom-from-whole = give a zoom from { $value } (the whole Earth) to { $value2 }
lesson-lesson-no-list-steps = the lesson has no list of steps
lesson-lesson-no-title = the lesson has no title
lesson-lesson-starts-see-docs = a lesson starts with {"{"}"dateline_lesson": 1, "title": …, "steps": […]{"}"} (see docs/lesson-format.md)
lesson-lesson-version-format-dateline = this lesson is in version { $n } of the format; this Dateline reads version { $value }
lesson-measured-line-needs-two = a measured line needs two points or more
lesson-no = this { $kind } has no "{ $k }"
lesson-no-step-lesson-could = no step of the lesson could be read
lesson-not-dateline-lesson-no = this is not a Dateline lesson (it has no "dateline_lesson": 1)
lesson-not-part-lesson-here = "{ $k }" is not part of a lesson here and is ignored
lesson-not-valid-json = this is not valid JSON: { $e }
lesson-not-valid-json-hint = fix the JSON at that place (a missing comma or quote is the usual cause)
lesson-note-no-text = this note has no "text"
lesson-open-dateline-made-version = open it with a Dateline made for that version
lesson-put-beside-lesson-file = put it beside the lesson file, or correct its name
lesson-question-no-answer = the question has no "answer"
lesson-question-no-prompt = the question has no "prompt"
lesson-recent-window-needs-recent = a recent window needs "recent_days": a number of days, 1 or more
lesson-save-utf-8-save = save it as UTF-8 ("Save as… → UTF-8" in most editors)
lesson-say-what-asked = say what is asked
lesson-say-what-notes = say what it notes
lesson-see-docs-lesson-format = see docs/lesson-format.md
lesson-step-no-event-id = step "{ $id }": no event has the id "{ $e }"
lesson-step-no-id = the step has no id
lesson-step-no-place-id = step "{ $id }": no place has the id "{ $p }"
lesson-step-no-title = step "{ $id }" has no title
lesson-step-shown-without = the step is shown without it
lesson-step-shows-date-step = the step shows the date of the step before
lesson-text-neither-en-nor = this text has neither "en" nor "ko"
lesson-two-steps-named = two steps are named "{ $id }"
lesson-unknown-annotation-kind = unknown annotation kind "{ $kind }"
lesson-unknown-mode = unknown mode { $mode }
lesson-unknown-view = unknown view { $n }
lesson-unknown-window = unknown window { $w }
lesson-use-arrow-circle-note = use arrow, circle, note or measure
lesson-use-korea-region-world = use "korea", "region" or "world", or give a centre and zoom
lesson-use-map-globe = use "map" or "globe"
lesson-write = write {"{"}"named": "korea"{"}"} or {"{"}"center": [127.5, 38.5], "zoom": 6{"}"}
lesson-write-127-54-39 = write it as [127.54, 39.92]: longitude first, then latitude, in degrees
lesson-write-2 = write {"{"}"prompt": …, "choices": […], "answer": 0{"}"}
lesson-write-2024-10-2024 = write "2024-10" or "2024-10-17"
lesson-write-3 = write {"{"}"rivers": true, "graticule": false{"}"}
lesson-write-4 = write {"{"}"recent_days": 90{"}"}
lesson-write-5 = write [{"{"}"kind": "note", …{"}"}]
lesson-write-all = write "all" or {"{"}"recent_days": 90{"}"}
lesson-write-each-id-quotes = write each id in quotes
lesson-write-each-step = write each step as {"{"}"id": …, "title": …{"}"}
lesson-write-first-id-second = write it as ["first-id", "second-id"]
lesson-write-first-second-leave = write ["first", "second"], or leave choices out for an open question
lesson-write-points-125-75 = write "points": [[125.75, 39.03], [36.18, 51.73]]
lesson-write-radius-km-300 = write "radius_km": 300
lesson-write-see-docs-lesson = write {"{"}"kind": "arrow", "from": […], "to": […]{"}"} (see docs/lesson-format.md)
lesson-write-string = write it as a string or as {"{"}"en": "…", "ko": "…"{"}"}
lesson-write-true-shown-false = write true (shown) or false (hidden)
lesson-zoom-missing-out-range = the zoom is missing or out of range ({ $to_string })
load-feature-s-no-date = { $undated } feature(s) have no date that can be read ({ $why }); they are always shown
load-features-dates-but-none = the features have dates but none could be read as an event ({ $why }); they are shown as a map layer
load-give-each-feature-date = give each feature a date such as "2024-10-17"
load-make-them-events-give = to make them events, give each a "title" and a "start" date (see docs/events-format.md)
load-no-field = no "{ $field }"
load-no-reason = no reason given
load-one-part-shapefile-which = this is one part of a shapefile, which is several files with one name (.shp, .shx, .dbf and usually .prj)
load-put-all-parts-one = put all the parts in one .zip file (select them, then Compress or Send to → ZIP) and open the .zip
load-read-as-cp949 = the file was not UTF-8; it was read as Korean CP949/EUC-KR (the encoding Excel uses on Korean Windows)
load-timed-layer = a timed layer: each feature appears on the timeline at its "{ $start }"
load-timed-layer-hint = play the timeline to see them appear; pick a number to size them by in Your files
load-timed-layer-until = a timed layer: each feature appears on the timeline at its "{ $start }" and lasts until its "{ $end }"
shp-3d-surface-s-multipatch = { $skipped_patches } 3D surface(s) (MultiPatch) were skipped
shp-archive-holds-no-shapefile = the archive holds no shapefile (.shp file)
shp-archive-only-table-dbf = the archive has only a table (.dbf) without shapes; zip the .shp, .shx and .dbf files together
shp-check-in-gis = check the shapefile in a GIS program (for example QGIS)
shp-check-prj = check the shapefile's coordinate system (.prj)
shp-check-table-spreadsheet-gis = check the table in a spreadsheet or GIS program
shp-cpg-file-names-text = the .cpg file names the text encoding "{ $c }", which Dateline does not know; text was read as UTF-8 or Korean (CP949)
shp-export-download-shapefile-again = export or download the shapefile again
shp-files-may-come-from = the files may come from different exports; zip the matching .shp, .shx and .dbf together
shp-if-names-look-garbled = if names look garbled, write the encoding's name in the .cpg file (for example UTF-8 or CP949) and zip the files again
shp-if-names-look-garbled-2 = if names look garbled, add a .cpg file holding the encoding's name (for example UTF-8 or CP949) next to the .shp and zip the files again
shp-no-prj-hint = the shapefile has no .prj file saying its coordinate system; export it again in longitude/latitude (EPSG:4326) with its .prj
shp-not-converted = [{ $x }, { $y }] could not be converted to longitude/latitude
shp-nothing-do-if-map = nothing to do if the map looks right; otherwise zip the shapefile again with its .prj file
shp-nothing-do-if-map-2 = nothing to do if the map looks right; otherwise export the shapefile again in EPSG:4326
shp-prj-file-could-not = the .prj file could not be understood; the coordinates were taken as longitude/latitude (WGS 84)
shp-re-project-longitude-latitude = re-project it to longitude/latitude (WGS 84, EPSG:4326), for example in QGIS with Export → Save Features As… and CRS EPSG:4326, zip it again and open it
shp-shapefile-damaged-could-not = the shapefile "{ $stem }" is damaged and could not be read
shp-shapefile-damaged-could-not-2 = the shapefile "{ $stem }" is damaged and could not be read ({ $e })
shp-shapefile-damaged-from-shape = the shapefile is damaged from this shape on ({ $e }); the shapes before it were read
shp-shapefile-no-file = the shapefile "{ $stem }" has no .{ $ext } file ({ $what })
shp-shapefile-no-prj-file = the shapefile "{ $stem }" has no .prj file; its coordinates were taken as longitude/latitude (WGS 84)
shp-shapefile-projected-coordinate-system = this shapefile is in a projected coordinate system Dateline does not know ({ $name }); it converts the Korean systems (EPSG:5179, 5186, …), UTM and Web Mercator
shp-shapes-all-positions-not = { $bad_geometry } shapes of "{ $stem }" in all have positions that are not longitude/latitude; they were left out
shp-table-attributes-dbf-damaged = the table of attributes { $stem }.dbf is damaged and could not be read ({ $e })
shp-table-dbf-rows-but = the table { $stem }.dbf has { $table_rows } rows but { $stem }.shp has { $rows } shapes; shapes without a row have no attributes
shp-text-dbf-not-utf = the text in { $stem }.dbf is not UTF-8 and no .cpg file names its encoding; it was read as { $enc }
shp-value-s-dbf-could = { $bad_values } value(s) in { $stem }.dbf could not be read (for example text in a number column); they were left empty
shp-zip-again-together-shapefile = zip it again together with { $stem }.{ $ext }: a shapefile is several files with the same name (.shp, .shx, .dbf and usually .prj)
shp-zipped-shapefile-holds-least = a zipped shapefile holds at least name.shp, name.shx and name.dbf; check that this is the right archive
story-add-events-events-list = add events to the "events" list
story-lat-lon-not-place = lat { $lat }, lon { $lon } is not a place on Earth; the slide is not on the map
story-set-slide-s-place = set the slide's place again in StoryMapJS
story-slide-no-lat-lon = this slide's location has no lat and lon numbers; it is not on the map
story-storymap = read as a StoryMapJS story map: { $n } slide(s) with a place are on the map, joined in slide order
story-storymap-hint = click a point to read its slide
story-timelinejs = read as a TimelineJS timeline: events have no places and no status (shown as reported)
story-timelinejs-file-no-events = this TimelineJS file has no events
story-timelinejs-hint = to put them on the map, save them as a Dateline CSV with lon and lat columns
story-timelinejs-titled = read as a TimelineJS timeline ("{ $title }"): events have no places and no status (shown as reported)
story-uncredited = { $n } events have no media credit, so no source
story-uncredited-hint = say who reported each one in its media credit, or save them as a Dateline CSV with source columns
topo-add-arcs-numbers-arcs = add its "arcs" (the numbers of the arcs it is made of)
topo-arc-does-not-exist = arc { $i } does not exist: { $have }
topo-arc-must-list-positions = an arc must be a list of positions, not { $arc }
topo-arc-position-must-x = an arc position must be [x, y] numbers, found { $p }
topo-arcs-hold-whole-numbers = the arcs hold whole numbers beyond longitude/latitude, as quantized TopoJSON does, but the file has no "transform" to turn them into positions
topo-arcs-must-list-arcs = "arcs" must be a list of arcs, not { $other }
topo-arcs-referred-by-number = arcs are referred to by number: [0, 1, -3]
topo-arcs-referred-by-whole = arcs are referred to by whole numbers: [0, 1, -3]
topo-each-entry-geometries = each entry of "geometries" is {"{"} "type": …, "arcs": … {"}"}
topo-expected-arc-number-found = expected an arc number, found { $a }
topo-expected-geometry-object-here = expected a geometry object here, found { $v }
topo-expected-list-arc-numbers = expected a list of arc numbers, found { $v }
topo-expected-list-lists-arc = expected a list of lists of arc numbers, found { $v }
topo-file-damaged-cut-short = the file is damaged or was cut short; export it again
topo-file-damaged-export-again = the file is damaged; export it again
topo-file-holds-instead-topojson = the file holds { $v } instead of a TopoJSON object
topo-file-incomplete-export-again = the file is incomplete; export it again
topo-file-incomplete-export-again-2 = the file is incomplete: export it again with its transform (for example with mapshaper -o format=topojson)
topo-geojson-not-topojson = this is GeoJSON (a { $t }), not TopoJSON
topo-make-topojson-again-from = make the TopoJSON again from data in longitude/latitude (EPSG:4326), without projecting it first
topo-msg = it is {"{"} "scale": [x, y], "translate": [x, y] {"}"}
topo-needs-one-level-less = this needs one level of [ ] less
topo-no-arcs = this { $t } has no "arcs"
topo-not-longitude-latitude-earth = [{ $x }, { $y }] is not a longitude/latitude on Earth: this TopoJSON was projected before it was made
topo-not-topojson-no-type = this is not TopoJSON: it has no "type": "Topology"
topo-objects-must-object-not = "objects" must be an object {"{"}…{"}"}, not { $other }
topo-open-geojson = open it as GeoJSON
topo-polygon-s-arcs-one = a Polygon's arcs are one list per ring: [[0, 1], [-3]]
topo-topojson-file-no-objects = this TopoJSON file has no "objects"
topo-topojson-file-starts = a TopoJSON file starts with {"{"} "type": "Topology", … {"}"}
topo-topojson-names-layers-objects = TopoJSON names its layers in "objects": {"{"} "name": {"{"} "type": "GeometryCollection", … {"}"} {"}"}
topo-transform-must-object-not = "transform" must be an object {"{"}…{"}"}, not { $other }
topo-transform-s-must-two = the transform's "{ $key }" must be two numbers [x, y]
topo-unknown-geometry-type = unknown geometry type "{ $t }"
topo-use-one-point-multipoint = use one of Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon, GeometryCollection
topo-write-type-text-e = write the type as text, e.g. "type": "Polygon"
zip-archive-damaged-download-copy = the archive is damaged; download or copy it again
zip-archive-entry-could-not = the archive entry "{ $name }" could not be extracted ({ $e })
zip-archive-entry-expands-more = the archive entry "{ $name }" expands to more than { $value } times its compressed size, as harmful "zip bombs" do; the archive was not opened
zip-archive-entry-name-points = the archive entry "{ $name }" has a name that points outside the archive; it was skipped
zip-archive-expands-more-than = the archive expands to more than { $value } MB, more than Dateline reads
zip-archive-holds-files-more = the archive holds { $n } files, more than the { $value } Dateline opens
zip-archive-password-protected = the archive is password-protected
zip-damaged-cannot-open = the ZIP archive is damaged and cannot be opened ({ $e })
zip-damaged-cannot-open-hint = download or copy the file again; if it was sent by e-mail, ask for it again
zip-download-copy-file-again = download or copy the file again
zip-file-archive-uses-kind = file { $i } of the archive uses a kind of compression Dateline cannot read ({ $e })
zip-if-you-trust-archive = if you trust this archive, unzip it and zip the files again without compression
zip-not-zip = this is not a ZIP archive
zip-not-zip-hint = KMZ files and zipped shapefiles are ZIP archives; check that this is the right file
zip-nothing-do-if-file = nothing to do; if that file is needed, zip it again with a plain name
zip-unzip-password-zip-files = unzip it with its password and zip the files again without one
zip-unzip-zip-files-again = unzip it and zip the files again with an ordinary ZIP tool (Deflate compression)
zip-unzip-zip-only-files = unzip it and zip only the files you need, or split the data into smaller files
zip-unzip-zip-only-files-2 = unzip it and zip only the files you need (for a shapefile: .shp, .shx, .dbf, .prj, .cpg)
zip-zip-archive-damaged = the ZIP archive is damaged ({ $e })
date-no-day = "{ $text }": day { $day } does not exist in { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year }
kml-ends-before-closed = the file ends before <{ $tag }> is closed (it is cut short)
csv-cannot-hold = "{ $title }" (row { $row }) { $why }: save it to a GeoJSON events file (.geojson) instead, which holds it all
csv-cannot-write = the CSV could not be written ({ $e })
csv-why-author = names its source's author, which CSV cannot hold
csv-why-route = has a "route not reported" note, which CSV cannot hold
csv-why-shape = has a line or an area, and a CSV row holds one point
csv-why-sources = has several sources, and a CSV row holds one
encoding-korean = Korean (EUC-KR/CP949)
encoding-named = { $name }
kind-lines = lines
kind-polygons = polygons
kind-positions = positions
kind-rings = rings
kml-hole = hole
kml-link = a NetworkLink
kml-link-named = the NetworkLink "{ $name }"
kml-link-named-to = the NetworkLink "{ $name }" (to { $href })
kml-link-to = a NetworkLink to { $href }
kml-outer-boundary = outer boundary
shp-its-index = its index
shp-its-table = its table of attributes
topo-n-arcs = the file has { $n } arcs (numbered 0 to { $last }, or -1 to -{ $n } reversed)
topo-no-arcs-at-all = the file has no arcs
topo-one-arc = the file has 1 arc (number 0, or -1 reversed)
date-form-calendar = calendar dates
date-form-date-time = dates with a time of day; each is shown on the day written (the time and time zone are not used)
date-form-millis = numbers of milliseconds since 1970 (as in USGS earthquake feeds); each is shown on its day in UTC
date-form-seconds = numbers of seconds since 1970 (Unix time); each is shown on its day in UTC

## A link's state (the web page's address, "Copy link"): what is wrong with a part of it
link-bad-value = The link's { $key } "{ $value }" is not one Dateline knows; it was left out. Use one like: { $hint }
link-bad-text = The link's { $key } is not readable text (a broken %-escape, or too long); it was left out.
link-unknown-key = The link has "{ $key }", which Dateline does not use; it was left out.
