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
