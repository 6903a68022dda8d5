// The lecture page: the video with its subtitles, chapters, a transcript that seeks, and
// under each chapter the numbers behind its picture. Text is set with textContent only.
"use strict";  // element, clock, showProblem, said and sayWords: common.js

function build(lecture) {
  document.title = lecture.title;
  document.documentElement.lang = lecture.language;  // the lecture's words: a reader or a screen reader's language
  document.getElementById("title").textContent = lecture.title;
  sayWords(lecture);
  if (lecture.vertical) document.body.classList.add("vertical");
  const video = document.getElementById("video");
  video.addEventListener("error", () => showProblem(said(lecture, "video_problem", { video: lecture.video, page: "index.html" },
    "The video {video} could not be played. Keep it in this folder, beside {page}.")));
  video.src = lecture.video;
  const track = element("track");
  // from file:// a page may not load lecture.vtt, so the subtitles come in lecture.js too
  const cues = URL.createObjectURL(new Blob([lecture.subtitles_text], { type: "text/vtt" }));
  Object.assign(track, { kind: "subtitles", srclang: lecture.language, label: said(lecture, "subtitles", {}, "Subtitles"), src: cues, default: true });
  video.appendChild(track);
  // shown, unless the clips burn the captions in already (then the CC button shows them)
  track.track.mode = lecture.captions_burned ? "hidden" : "showing";

  const seek = (seconds) => { video.currentTime = seconds; };
  const list = document.getElementById("chapters");
  const transcript = document.getElementById("transcript");
  const lines = [];
  lecture.chapters.forEach((chapter, number) => {
    const item = element("li");
    const link = element("button", "", `${chapter.title} (${clock(chapter.start)})`);
    link.addEventListener("click", () => seek(chapter.start));
    item.appendChild(link);
    list.appendChild(item);

    const section = element("section", "chapter");
    section.id = `chapter-${number + 1}`;
    section.appendChild(element("h3", "", chapter.title));
    lecture.beats.filter((beat) => beat.chapter === number).forEach((beat) => {
      const kind = beat.id.endsWith(".question") ? " question" : beat.id.endsWith(".takeaway") ? " takeaway" : "";
      const line = element("button", `line${kind}`);
      line.dataset.start = beat.start;
      line.dataset.end = beat.end;
      line.appendChild(element("span", "time", clock(beat.start)));
      line.appendChild(document.createTextNode(beat.text));
      line.addEventListener("click", () => seek(beat.start));
      section.appendChild(line);
      lines.push(line);
    });
    if (chapter.numbers.length) {
      const details = element("details");
      details.appendChild(element("summary", "", said(lecture, "numbers", {}, "The numbers behind this picture")));
      const table = element("table");
      chapter.numbers.forEach(([name, value]) => {
        const row = element("tr");
        row.appendChild(element("td", "", name));
        row.appendChild(element("td", "", value));
        table.appendChild(row);
      });
      details.appendChild(table);
      section.appendChild(details);
    }
    transcript.appendChild(section);
  });

  video.addEventListener("timeupdate", () => {  // the line being said, lit
    const now = video.currentTime;
    lines.forEach((line) => line.classList.toggle("current",
      now >= Number(line.dataset.start) && now < Number(line.dataset.end)));
  });
}

if (window.LECTURE === undefined) {
  showProblem("lecture.js is missing: keep it in this folder, beside index.html.");
} else {
  build(window.LECTURE);
}
