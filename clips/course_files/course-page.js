// The course's index page: each lecture with its running time and chapters, a link to its
// page and to its presenter. Text is set with textContent only.
"use strict";  // element, clock and showProblem: common.js

function link(href, text) {
  const made = element("a", "", text);
  made.href = href;  // a relative path that course.json names; set as a property, not as markup
  return made;
}

function lectureItem(lecture) {
  const item = element("li", "chapter lecture");
  item.lang = lecture.language;  // its chapters' titles are in the lecture's language
  item.append(element("h2", "", lecture.title));
  const kind = lecture.language === "en" ? lecture.format : `${lecture.format} · ${lecture.language}`;
  const facts = lecture.lecture
    ? `${clock(lecture.lecture.seconds)} · ${lecture.lecture.chapters.length} chapters · ${kind}`
    : `${lecture.clips.length} clips · ${kind}`;
  item.append(element("p", "facts", facts));
  const links = element("p", "links");
  links.append(link(lecture.page, "Watch"), " · ", link(lecture.present, "Present it in class"));
  item.append(links);
  if (lecture.lecture) {
    const chapters = element("ol", "chapter-list");
    for (const chapter of lecture.lecture.chapters) {
      chapters.append(element("li", "", `${clock(chapter.start)}  ${chapter.title}`));
    }
    item.append(chapters);
  }
  return item;
}

function build(course) {
  document.title = course.course.title;
  document.getElementById("title").textContent = course.course.title;
  const count = course.lectures.length;
  document.getElementById("summary").textContent =
    `${count} lecture${count === 1 ? "" : "s"}, ${clock(course.seconds)} in all`;
  const list = document.getElementById("lectures");
  for (const lecture of course.lectures) list.append(lectureItem(lecture));
}

if (window.COURSE) {
  build(window.COURSE);
} else {
  showProblem("course.js is missing: keep this page in the course's folder, beside course.js.");
}
