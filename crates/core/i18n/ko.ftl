# Dateline의 한국어 인터페이스. en.ftl의 모든 메시지가 같은 인수로 여기에 있습니다(테스트로 확인).
# 지도 위의 지명은 여기가 아니라 지도 데이터에 있습니다.

## 언어 (전환 버튼에서는 각 언어를 그 언어로 씁니다)
lang-en = English
lang-ko = 한국어
lang-both = 둘 다

## 상단 막대
top-korea = 한반도
top-korea-tip = 한반도를 보여 줍니다
top-region = 주변 지역
top-region-tip = 주변 지역을 보여 줍니다: 한반도, 중국, 일본, 몽골, 러시아, 우크라이나
top-world = 세계
top-world-tip = 세계 전체를 보여 줍니다
top-globe = 지구본
top-globe-tip = 평면 지도와 지구본을 바꿉니다 (G)
top-zoom-out-tip = 축소 (−)
top-zoom-in-tip = 확대 (+)
top-home = 처음으로
top-home-tip = 처음 보기로 돌아갑니다 (Home)
top-names = 지명:
top-names-tip = 지도 위 지명의 언어
top-layers = 레이어
top-events = 사건
top-events-tip = 사건 목록을 보이거나 숨깁니다 (E)
top-open = 열기…
top-open-tip = 지도나 사건 파일을 엽니다: GeoJSON, TopoJSON, KML/KMZ, 압축한 셰이프파일, CSV (Ctrl+O). 파일을 창에 끌어 놓아도 됩니다
top-add-event = + 사건
top-add-event-tip = 직접 사건을 추가합니다: 지도를 클릭해 장소를 정한 뒤 날짜, 확인 상태, 출처를 입력하세요
top-save = 저장…
top-save-tip = 지금 보기를 PNG로, 또는 수업의 슬라이드와 유인물을 저장합니다 (Ctrl+Shift+S)
top-lesson = 수업
top-lesson-tip = 수업을 단계별로 보거나 학급에 발표합니다 (F5). 열린 수업이 없으면 기본 수업 "함흥에서 쿠르스크까지"를 엽니다
top-help-tip = 조작법 (모든 키, F1)과 정보 (출처와 라이선스)
top-controls = 조작법 (F1)
top-about = 정보
top-ui-lang = 인터페이스 언어
top-ui-lang-tip = 버튼, 패널, 메시지의 언어, 다음에도 유지됩니다 (Ctrl+L)
files-button = 파일 ({ $n })
problems-button = 문제 ({ $n })
events-count = 사건 { $n }개

## 지도 레이어
layer-rivers = 강
layer-provinces-other = 행정 구역 (다른 나라)
layer-provinces-korea = 행정 구역 (한반도)
layer-coast = 해안선
layer-borders = 국경
layer-mdl = 군사분계선 (대략적 위치)
layer-graticule = 경위선

## 그리기 도구
tool-measure = 거리 재기
tool-measure-tip = 대권을 따라 거리를 잽니다 (M)
tool-circle = 원
tool-circle-tip = km 반지름의 범위 원을 그립니다 (C)
tool-arrow = 화살표
tool-arrow-tip = 이름표가 있는 화살표를 그립니다 (A)
tool-note = 메모
tool-note-tip = 지도에 글 메모를 붙입니다 (T)

## 사건의 확인 상태와 분류
status-confirmed = 확인됨
status-reported = 보도됨
status-claimed = 한쪽 주장
status-disputed = 엇갈림
status-denied = 부인됨
status-confirmed-marker = 확인됨 (꽉 찬 표시)
status-reported-marker = 보도됐으나 확인되지 않음 (속이 빈 표시)
status-claimed-marker = 한쪽만 주장함 (점선 표시)
status-disputed-marker = 출처마다 엇갈림 (반만 찬 표시)
status-denied-marker = 부인됨 (빗금 친 표시)
category-diplomacy = 외교와 조약
category-arms-transfer = 무기 이전
category-weapons-production = 무기 생산
category-missile-use = 미사일 발사
category-troops = 병력
category-fighting = 전투
category-other = 기타
projection-regional = 지도: 동경 105°를 중심으로 한 람베르트 정각 원추 도법 (이 지역에서 모양이 정확함)
projection-world = 지도: 동경 150°를 중심으로 한 이퀄 어스 도법 (면적이 정확함; 확대하면 지역 지도로 바뀜)
projection-globe = 지구본: 구로 나타낸 지구

## 범례
legend = 범례
legend-story-countries = 이야기 속 나라
legend-other-countries = 다른 나라
legend-land = 육지 (이웃 나라는 다른 색)
legend-sea = 바다와 호수
legend-town = 도시 (이름이 클수록 인구가 많음)
legend-capital = 수도 (굵은 이름)
legend-leader = 떨어진 이름을 잇는 선
legend-status = 사건: 얼마나 확실한가 (모양)
legend-status-entry = { $status }: { $look }
legend-solid = 꽉 참
legend-hollow = 속이 빔
legend-dashed = 점선
legend-half = 반만 참
legend-struck = 빗금
legend-category = 사건: 무슨 일인가 (색)
legend-ring = 고리: 선택한 사건의 장소
legend-notes = 화살표: 이동 경로, 날짜에 따라 늘어납니다.
    점선 원: 대략적으로만 알려진 장소.
    타임라인: 마름모는 하루, 꽉 찬 막대는 여러 날,
    옅은 막대는 달이나 해까지만 알려진 날짜.

## 조작법과 정보
controls-title = 조작법
key-drag = 끌기
key-drag-does = 지도 이동
key-wheel = 휠, + / −
key-wheel-does = 포인터를 중심으로 확대·축소
key-arrows = 화살표 키
key-arrows-does = 지도 이동
key-home = Home
key-home-does = 처음 보기로
key-l = L
key-l-does = 지명: English → 한국어 → 둘 다
key-space = 스페이스
key-space-does = 타임라인 재생 또는 일시 정지
key-prev = , 또는 [
key-prev-does = 이전 사건
key-next = . 또는 ]
key-next-does = 다음 사건
key-e = E
key-e-does = 사건 목록 보이기/숨기기
key-click-marker = 표시 클릭
key-click-marker-does = 사건 카드 열기
key-f1 = F1
key-f1-does = 이 창 보이기/숨기기
key-g = G
key-g-does = 지도와 지구본 바꾸기
key-find = Ctrl+F 또는 /
key-find-does = 장소 찾기
key-open = Ctrl+O
key-open-does = GeoJSON, TopoJSON, KML/KMZ, 압축한 셰이프파일, CSV 파일 열기 (창에 끌어 놓아도 됨)
key-click-feature = 도형 클릭
key-click-feature-does = 속성 보기 (내 레이어)
key-hover-city = 도시에 포인터 올리기
key-hover-city-does = 이름, 인구, 행정 구역, 나라
key-esc = Esc
key-esc-does = 창과 사건 카드 닫기
key-save = Ctrl+Shift+S
key-save-does = 지금 보기를 그림으로, 또는 수업의 슬라이드와 유인물을 저장
key-measure = M, C
key-measure-does = 대권을 따라 거리 재기 (장소를 클릭; Delete는 마지막 점 지우기) / 범위 원 (중심을 클릭하고 반지름 입력); 다시 누르거나 Esc로 끝내기
key-draw = A, T
key-draw-does = 화살표 그리기 (시작점과 가리킬 곳을 클릭) / 글 메모 (놓을 곳을 클릭); Delete는 마지막 것 지우기
key-present = F5
key-present-does = 수업 발표 (열린 수업이 없으면 기본 수업); 그다음 → / PageDown / 스페이스 / 클릭: 다음, ← / PageUp / 오른쪽 클릭: 이전, R: 정답, B: 화면 비우기, + / −: 글자 크기, Esc: 끝내기
key-ui-lang = Ctrl+L
key-ui-lang-does = 인터페이스 언어: English ↔ 한국어
about-title = Dateline 정보
about-intro = 뉴스 속 지리를 배우기 위한, 인터넷 없이 쓰는 한반도와 주변 지역 지도책입니다.
about-credits = 데이터, 글꼴과 그 라이선스:

## 타임라인
timeline-prev-tip = 이전 사건 ( , 또는 [ )
timeline-next-tip = 다음 사건 ( . 또는 ] )
timeline-play = ▶ 재생
timeline-pause = ⏸ 일시 정지
timeline-play-tip = 재생 또는 일시 정지 (스페이스)
timeline-speed = 속도:
timeline-speed-tip = 재생 속도; 사건이 없는 기간은 건너뜁니다
speed-day = 초당 하루
speed-week = 초당 1주
speed-month = 초당 1개월
speed-quarter = 초당 3개월
speed-year = 초당 1년
timeline-show = 보기:
timeline-cumulative = 지금까지 전부
timeline-cumulative-tip = 누적: 그 날짜까지의 모든 사건
timeline-recent = 최근
timeline-recent-tip = 최근 며칠만; 오래된 사건은 흐려집니다
timeline-days-suffix = 일
timeline-whole = 전체 이야기
timeline-whole-tip = 타임라인에 모든 날짜를 다시 보여 줍니다
timeline-shown = 사건 { $n }개 중 { $shown }개 표시
timeline-no-place = { " " }· 지도에 장소 없음
timeline-axis-tip = 클릭하거나 끌어서 날짜를 고르세요

## 사건 목록
list-title = 사건
list-search = 검색:
list-search-hint = 제목, 장소, 출처… (한국어 또는 English)
list-categories = 분류 보기:
list-statuses = 확실한 정도 보기:
list-no-place = · 지도에 장소 없음
list-show-tip = 지도에서 보기
list-later-tip = 이 날짜에는 아직 지도에 없음: 클릭하면 그 날짜로 갑니다
list-none = 검색과 필터에 맞는 사건이 없습니다.

## 사건 카드
card-title = 사건
card-uncertain = 출처는 달이나 해까지만 밝힙니다.
card-where = 장소: { $place }
card-where-precision = 장소: { $place } ({ $precision } 수준까지 알려짐)
card-where-none = 장소: 밝혀지지 않음
precision-exact = 정확한 지점
precision-site = 시설
precision-district = 구·읍
precision-city = 도시
precision-region = 지방
precision-country = 나라
card-route-not-reported = 경로는 보도되지 않음
card-status = 확인 상태: { $status }
card-claimed-by = 주장하거나 보도한 곳: { $who }
card-denied-by = 부인한 곳: { $who }
card-sources = 출처
card-no-sources = 파일에 출처가 없습니다.
card-undated = 날짜 없음
card-open-link = 브라우저에서 열기: { $url }
card-from-file = 파일: { $file }
card-edit = 편집
card-edit-tip = 이 사건을 바꾸고 그 파일에 저장합니다

## 포인터 카드
hover-event = { $date } · { $status } · 클릭하면 자세히
place-capital = 수도
place-town = 도시
place-district = 도시의 구
place-site = 시설 (도시가 아님)
place-island = 섬
place-river = 강
place-area = 분쟁 지역
place-nk-form = 북한식 표기: { $name }
place-population = 인구 { $n }명
place-province = 행정 구역: { $name }
place-country = 나라: { $name }
place-approximate = 위치는 대략적임
place-source = 출처: { $note }

## 장소의 종류 (검색 결과)
kind-capital = 수도
kind-city = 도시
kind-town = 도시
kind-district = 구
kind-site = 시설
kind-country = 나라
kind-province = 행정 구역
kind-sea = 바다
kind-strait = 해협
kind-ocean = 대양
kind-bay = 만
kind-island = 섬
kind-river = 강
kind-area = 지역

## 검색, 열기…, 속성
search-hint = 장소 찾기… (Ctrl+F)
search-none = 이 지도에는 그런 이름의 장소가 없습니다.
open-title = 파일 열기
open-up = ⬆ 위로
open-kinds = 지도(GeoJSON, TopoJSON, KML/KMZ, 압축한 셰이프파일)와 사건(CSV, TimelineJS, StoryMapJS); 날짜가 있는 파일은 타임라인의 사건이 됩니다.
open-reading = 폴더를 읽는 중…
open-empty = 여기에는 폴더나 Dateline이 열 수 있는 파일이 없습니다.
properties-none = 이 도형에는 속성이 없습니다.
io-cannot-open = { $path }을(를) 열 수 없습니다: { $why }
io-cannot-list = { $path } 폴더의 목록을 읽을 수 없습니다: { $why }
io-not-found = 그런 파일이나 폴더가 없습니다
io-permission = 읽을 권한이 없습니다

## 내 파일과 문제
stage-reading = 읽는 중
stage-events = 사건을 읽는 중
stage-file = 파일을 읽는 중
stage-tessellating = 도형을 나누는 중
file-loading = { $stage }… { $mb } MB 중 { $percent }% ({ $seconds }초)
file-features = 도형 { $n }개
file-events = 타임라인의 사건 { $n }개
file-nothing = 불러온 것이 없음
file-stale = { " " }(마지막으로 제대로 열린 버전: 저장된 파일에 오류가 있음)
file-errors = { " " }· 오류 { $n }개
file-warnings = { " " }· 경고 { $n }개
file-timed = "{ $field }" 값에 따라 타임라인과 함께 나타남: { $first } – { $last }
file-focus = 이 날짜로 타임라인 좁히기
file-focus-tip = 타임라인을 이 파일의 날짜로 좁혀서 재생할 수 있게 합니다
file-group = { $name } (도형 { $n }개)
file-group-tip = 파일의 이 부분을 보이거나 숨깁니다
file-size-by = 크기 기준
file-size-alike = 없음 (모두 같게)
file-size-by-tip = 값이 클수록 더 크고 진한 점으로 (예: 지진의 규모)
files-title = 내 파일
files-none = 열린 파일이 없습니다. GeoJSON, TopoJSON, KML/KMZ, 압축한 셰이프파일, CSV 파일을 창에 끌어 놓거나 열기…를 쓰세요.
files-reload = 다시 읽기
files-reload-tip = 지금 파일을 다시 읽습니다
files-remove = 닫기
files-remove-tip = 지도에서 뺍니다
files-problems = 문제 (오류 { $errors }개, 경고 { $warnings }개)
problems-title = 문제
problems-none = 열린 파일에 문제가 없습니다.
problems-stale = 지도는 마지막으로 제대로 열린 버전을 그대로 보여 줍니다.
problem-error = ✖ 오류
problem-warning = ⚠ 경고
problem-hint = 고치는 방법: { $hint }
problem-whole-file = 파일 전체
problem-line-col = { $line }행 { $column }열
problem-row = { $row }행
problem-cell = { $row }행, "{ $column }" 열

## 도구 창
tool-radius-of = 반지름 { $km }
tool-source-of = 출처: { $source }
tool-arrow-n = 화살표 { $n }:
tool-note-n = 메모 { $n }:
tool-remove-it = 지우기
tool-measure-title = 거리 재기
tool-circle-title = 범위 원
tool-arrow-title = 화살표
tool-note-title = 글 메모
tool-measure-how = 지도나 지구본에서 장소를 클릭하세요. 선은 대권(지구 위의 가장 짧은 길)을 따릅니다. Delete는 마지막 장소를 지웁니다.
tool-in-all = 모두 { $km }
tool-places-so-far = 지금까지 장소 { $n }곳
tool-clear = 모두 지우기
tool-done = 끝 ({ $key })
tool-arrow-how = 화살표의 이름표를 입력하고(없어도 됨) 시작점과 가리킬 곳을 클릭하세요. Delete는 마지막 것을 지웁니다.
tool-note-how = 메모를 입력하고 놓을 곳을 클릭하세요. Delete는 마지막 것을 지웁니다.
tool-text = 글:
tool-arrow-then = 이제 가리킬 곳을 클릭하세요.
tool-keep-in-step = 수업 창의 "화면으로 단계 추가"를 누르면 단계에 남습니다.
tool-circle-how = 지도나 지구본에서 중심을 클릭한 뒤 반지름을 정하세요.
tool-radius = 반지름:
tool-label = 이름표:
tool-source = 출처:
tool-source-tip = 반지름의 근거: 보도, 제원 등

## 그림과 수업 저장
save-title = 저장
save-view-png = 지금 보기 (PNG)
save-lesson = 수업: 슬라이드와 유인물
save-lesson-first = 먼저 수업을 여세요 (상단 막대의 수업)
save-size = 크기:
save-window-size = 창 크기
save-folder = 폴더:
save-view-where = 그 폴더에 dateline-날짜-시각.png로 저장됩니다.
save-view-button = 지금 보기 저장
save-lesson-where = 단계마다 그림 한 장(step-01.png …)과 handout.html을 { $folder }에 저장합니다
save-lesson-button = 슬라이드와 유인물 저장
save-progress = { $total }장 중 { $done }장
save-failed = { $error } — 다른 폴더를 고르세요
export-no-lesson = 내보낼 수업이 열려 있지 않습니다
export-cannot-make-folder = { $folder } 폴더를 만들 수 없습니다: { $error }
export-cannot-write = { $file }을(를) 쓸 수 없습니다: { $error }
export-saved-view = { $file }에 저장했습니다
export-saved-lesson = 슬라이드 { $n }장과 handout.html을 { $folder }에 저장했습니다

## 직접 만든 사건: 편집기
editor-new-title = 새 사건
editor-edit-title = 사건 편집
editor-place-at = 장소: 북위 { $lat }° 동경 { $lon }°
editor-place-shapes = 장소: 파일에 있는 경로나 지역
editor-place-click = 지도를 클릭해 장소를 정하세요 (장소 없이 둬도 됩니다)
editor-place-again = 장소 다시 정하기
editor-title = 제목
editor-title-ko = 제목 (한국어)
editor-start = 시작 (YYYY, YYYY-MM 또는 YYYY-MM-DD)
editor-end = 끝 (있으면)
editor-place-words = 장소 설명
editor-claimed-by = 주장한 곳 (; 로 구분)
editor-denied-by = 부인한 곳 (; 로 구분)
editor-category = 분류
editor-status = 확실한 정도
editor-summary = 무슨 일이 있었고 무엇이 알려졌나
editor-sources = 출처 (누가 보도했나)
editor-publisher = 매체
editor-source-date = 날짜
editor-source-title = 제목
editor-link = 링크
editor-remove-source = 이 출처 지우기
editor-add-source = 출처 추가
editor-file = 파일:
editor-file-tip = .geojson 파일, 또는 Dateline 열이 있는 .csv (사건마다 점 하나, 출처 하나)
editor-save = 저장
editor-unreadable = 사건을 읽을 수 없습니다. 제목과 시작 날짜를 입력하세요
events-file-exists = { $file }이(가) 이미 있는데 열려 있지 않습니다. 그 안의 사건이 남도록 먼저 여세요 (Ctrl+O). 아니면 다른 이름을 고르세요
events-cannot-write = { $file }을(를) 쓸 수 없습니다 ({ $error }). 다른 폴더를 고르세요
events-saved = { $file }에 저장했습니다

## 수업: 수업 창과 발표
lesson-title = 수업
lesson-opening = 수업을 여는 중…
lesson-none-open = 열린 수업이 없습니다.
lesson-open-bundled = 기본 수업 열기
lesson-new = 새 수업
lesson-edit = 편집
lesson-edit-tip = 수업을 만들거나 고칩니다: 화면으로 만드는 단계, 설명, 질문
lesson-by = 만든 사람: { $author }
lesson-back = ◀ 이전
lesson-next = 다음 ▶
lesson-hide-answer = 정답 숨기기
lesson-show-answer = 정답 보기 (R)
lesson-present = 발표 (F5)
lesson-save = 슬라이드와 유인물 저장…
lesson-save-tip = 단계마다 그림 한 장, 그리고 수업에 빠진 학생을 위한 유인물 페이지
lesson-close = 수업 닫기
present-answer-hint = R: 정답 보기
present-keys = → 다음 · ← 이전 · R 정답 · B 화면 비우기 · Esc 끝내기

## 수업 편집기
le-heading = 수업 편집기
le-done = 완료
le-done-tip = 편집기를 나갑니다 (수업 창이 다시 나옵니다)
le-none-open = 열린 수업이 없습니다: 새 수업으로 시작하세요.
le-no-steps = 아직 단계가 없습니다: 지도, 날짜, 도구를 맞춘 뒤 화면으로 단계 추가를 누르세요.
le-lesson-title = 수업 제목
le-add-step = 화면으로 단계 추가
le-add-step-tip = 지금 보기, 지도나 지구본, 날짜, 선택한 사건, 잰 선과 범위 원을 그대로 담습니다
le-step-n = { $n }단계
le-duplicate = 복제
le-delete = 삭제
le-up = 위로
le-up-tip = 단계를 위로 옮깁니다
le-down = 아래로
le-down-tip = 단계를 아래로 옮깁니다
le-step-id = 단계 id: { $id }
le-title = 제목
le-narration = 설명 (**굵게**, *기울임*, [링크](https://…))
le-date = 날짜:
le-date-tip = YYYY, YYYY-MM 또는 YYYY-MM-DD
le-use-screen = 화면의 보기와 날짜 쓰기
le-question-on = 학급에 낼 질문
le-question = 질문
le-choices = 보기, 한 줄에 하나 (없으면 서술형 질문)
le-right-choice = 정답: 보기
le-model-answer = 모범 답안
le-undo = 되돌리기
le-redo = 다시 하기
le-save = 저장
le-edited = 고침
le-saved = 저장됨
le-save-as = 다른 이름으로 저장
le-highlights = 강조할 사건과 장소
le-event = 사건: { $title }
le-event-missing = 사건 { $id }: 타임라인에 없음
le-add-selected = + 선택한 사건
le-add-selected-tip = 카드가 열린 사건
le-place = 장소: { $name }
le-place-missing = 장소 { $id }: 그런 장소가 없음
le-add-place = 장소 추가:
le-add-place-hint = 한국어나 영어 이름
le-no-place = 그런 이름의 장소가 없음
le-layers = 레이어
le-rivers = 강
le-provinces = 행정 구역
le-graticule = 경위선
le-as-before = 그대로
le-on = 켬
le-off = 끔
le-file = 파일 { $file }
le-drawings = 그림
le-no-drawings = 없음. 거리 재기, 원, 화살표, 메모로 그린 뒤 "화면으로 단계 추가"를 누르세요.
le-arrow = 화살표
le-circle = 원, { $km }
le-note = 메모
le-measure = 잰 선, 장소 { $n }곳
le-label = 이름표
le-radius-source = 반지름의 출처
le-text = 글
problem-error-word = 오류
problem-warning-word = 경고

## 파일과 수업 열기 (파일 내용을 읽기 전에 앱이 찾는 문제)
load-cancelled = 불러오기를 취소했습니다
load-cancelled-hint = 파일을 다시 여세요
load-cannot-open = 파일을 열 수 없습니다 ({ $error })
load-cannot-open-hint = 파일이 있는지, 읽을 권한이 있는지 확인하세요
load-folder = 파일이 아니라 폴더입니다
load-folder-hint = .geojson, .topojson, .kml, .kmz, .zip(셰이프파일), .csv 같은 파일을 여세요
load-too-big = 파일이 { $mb } MB입니다. 한도는 { $limit } MB입니다
load-too-big-hint = 파일을 나누거나 단순화하세요 (예: mapshaper -simplify)
load-cannot-read-hint = 읽을 권한이 있는지 확인하세요
load-grew = 읽는 동안 파일이 크기 한도를 넘었습니다
load-grew-hint = 저장이 끝난 뒤 다시 해 보세요
load-stopped = 읽기가 멈췄습니다 ({ $error })
load-stopped-hint = 다시 해 보세요. 빼낸 디스크에 있는 파일인가요?
lesson-cannot-save = 수업을 { $file }에 저장할 수 없습니다 ({ $error }). 다른 이름으로 저장으로 다른 폴더를 고르세요
lesson-cannot-save-hint = 수업은 고친 내용과 함께 열려 있습니다
lesson-no-file = 이 수업은 아직 파일이 없습니다
lesson-no-file-hint = 다른 이름으로 저장을 눌러 .dateline-lesson.json으로 끝나는 이름을 주세요
lesson-cannot-read = 수업을 읽을 수 없습니다 ({ $error })
lesson-cannot-read-hint = 파일 이름과 읽을 권한을 확인하세요
lesson-changed = 여기서 고치는 동안 다른 프로그램이 파일을 바꿨습니다
lesson-changed-hint = 고친 내용은 남아 있습니다: 저장하면 다른 변경 위에 쓰고, 다른 이름으로 저장하면 둘 다 남습니다
place-id = { " " }· id { $id }
top-tools = 그리기
top-tools-in-use = 그리기: { $tool }
top-tools-tip = 거리 재기 (M), 범위 원 (C), 화살표 (A), 메모 (T)

## 화면 낭독기용
list-row-name = { $title }, { $date }, { $status }{ $shown ->
    [yes] {""}
   *[no] , 이 날짜에는 아직 지도에 없음
}
card-announce = { $title }. { $date }. { $status }.
timeline-axis-name = 타임라인, { $date }
timeline-prev-name = 이전 사건
timeline-next-name = 다음 사건
top-zoom-out-name = 축소
top-zoom-in-name = 확대
top-help-name = 도움말: 조작법과 정보
list-search-name = 사건 검색
