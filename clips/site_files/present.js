// The presenter: the lecture one beat (one narrated line) at a time, stopped on the beat's
// last frame. ?speaker is the speaker view, which follows the main window (and can drive it).
"use strict";  // clock, showProblem, said and sayWords: common.js

const lecture = window.LECTURE;
const params = new URLSearchParams(location.search);

function presenter() {
  const video = document.getElementById("video");
  const beats = lecture.beats;
  const halfFrame = 0.5 / lecture.frame_rate;
  const state = { index: 0, target: null, speaker: null };
  video.defaultPlaybackRate = Number(params.get("rate")) || 1;  // ?rate=2 to rehearse faster
  sayWords(lecture);
  video.addEventListener("error", () => showProblem(said(lecture, "video_problem", { video: lecture.video, page: "present.html" },
    "The video {video} could not be played. Keep it in this folder, beside {page}.")));
  video.src = lecture.video;
  video.playbackRate = video.defaultPlaybackRate;

  // where the picture rests after `index` beats: the last frame of the last one
  const restingAt = (index) => (index === 0 ? 0 : beats[index - 1].end - halfFrame);

  function tell() {  // the speaker view follows
    if (state.speaker && !state.speaker.closed) state.speaker.postMessage({ index: state.index }, "*");
  }

  function rest(index) {
    state.index = Math.max(0, Math.min(beats.length, index));
    state.target = null;
    video.pause();
    video.currentTime = restingAt(state.index);
    tell();
  }

  function next() {
    if (state.index >= beats.length) return;
    if (state.target !== null) { rest(state.index); }  // still playing the last one: finish it at once
    video.currentTime = restingAt(state.index);
    state.index += 1;
    state.target = restingAt(state.index);
    tell();
    video.play();
    const watch = () => {
      if (state.target === null) return;
      if (video.currentTime >= state.target - halfFrame || video.ended) { rest(state.index); return; }
      requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  }

  // chapters: the beat count at a chapter's start, and the chapter of the beat about to play
  const firstOf = (chapter) => beats.findIndex((beat) => beat.chapter === chapter);
  const chapterAt = (index) => (index < beats.length ? beats[index].chapter : lecture.chapters.length);
  function nextChapter() {
    const wanted = firstOf(chapterAt(state.index) + 1);
    rest(wanted < 0 ? beats.length : wanted);
  }
  function previousChapter() {
    const chapter = chapterAt(state.index);
    const start = firstOf(Math.min(chapter, lecture.chapters.length - 1));
    rest(state.index > start ? start : Math.max(0, firstOf(Math.max(0, chapter - 1))));
  }

  function key(name) {
    if (name === "ArrowRight" || name === " ") next();
    else if (name === "ArrowLeft") rest(state.index - 1);
    else if (name === "PageDown") nextChapter();
    else if (name === "PageUp") previousChapter();
    else if (name === "Home") rest(0);
    else if (name === "End") rest(beats.length);
    else if (name === "f" || name === "F") document.documentElement.requestFullscreen?.();
    else if (name === "b" || name === "B") document.getElementById("black").hidden ^= true;
    else if (name === "s" || name === "S") {
      state.speaker = window.open("present.html?speaker", "attention-clips-speaker", "width=900,height=600");
      setTimeout(tell, 500);
    } else return false;
    return true;
  }

  document.addEventListener("keydown", (event) => {
    if (!key(event.key)) return;
    event.preventDefault();
    document.getElementById("hint").hidden = true;  // the keys are known now: a clean picture
  });
  window.addEventListener("message", (event) => {  // keys pressed in the speaker view
    if (event.data && event.data.key) key(event.data.key);
    if (event.data && event.data.hello) tell();
  });
  window.presenter = { state, key, restingAt };  // for the tests, and the curious
}

function speakerView() {
  document.body.className = "speaker";
  document.getElementById("video").remove();
  document.getElementById("hint").textContent = said(lecture, "speaker_keys", {}, "Keys here drive the main window too.");
  const view = document.createElement("div");
  const make = (className) => view.appendChild(Object.assign(document.createElement("div"), { className }));
  const parts = { chapter: make("chapter-title"), now: make("now"), next: make("next"), clock: make("clock") };
  document.body.prepend(view);
  const started = Date.now();
  let index = 0;
  function show() {
    const beats = lecture.beats;
    const current = beats[index - 1];
    const coming = beats[index];
    parts.chapter.textContent = lecture.chapters[(current || coming || { chapter: 0 }).chapter].title;
    parts.now.textContent = current ? current.text : said(lecture, "start", {}, "(the start)");
    parts.next.textContent = coming
      ? said(lecture, "next", { text: coming.text }, "Next: {text}")
      : said(lecture, "end", {}, "Next: (the end)");
    const presenting = { clock: clock((Date.now() - started) / 1000), index, count: beats.length };
    parts.clock.textContent = said(lecture, "clock", presenting, "{clock} presenting · line {index} of {count}");
  }
  window.addEventListener("message", (event) => {
    if (event.data && Number.isInteger(event.data.index)) { index = event.data.index; show(); }
  });
  document.addEventListener("keydown", (event) => {
    if (window.opener) { window.opener.postMessage({ key: event.key }, "*"); event.preventDefault(); }
  });
  if (window.opener) window.opener.postMessage({ hello: true }, "*");
  setInterval(show, 1000);
  show();
  window.speaker = { get index() { return index; }, parts };
}

if (lecture === undefined) {
  showProblem("lecture.js is missing: keep it in this folder, beside present.html.");
} else if ((document.documentElement.lang = lecture.language) && params.has("speaker")) {
  speakerView();
} else {
  presenter();
}
