// The lessons library: every lesson of every project, with the projects that apply it (from their
// charters' `lessonsApplied`), so a lesson shows where it has already changed how work is done.
import type { Charter, Lessons } from '../../model/schemas.ts';

type Lesson = Lessons['lessons'][number];

export interface Application {
  /** The applying project's id. */
  project: string;
  how: string;
}

export interface LibraryLesson extends Lesson {
  /** The project the lesson was learned in. */
  project: string;
  /** The lessons record's id (`<project>/lessons`). */
  record: string;
  appliedIn: Application[];
}

/** The anchor of a lesson on its lessons record's page and in the library. */
export function lessonAnchor(lessonId: string): string {
  return `lesson-${lessonId}`;
}

/** Every lesson with where it is applied, grouped in project order then as written. */
export function lessonsLibrary(records: { id: string; data: Lessons }[], charters: { id: string; data: Pick<Charter, 'lessonsApplied'> }[]): LibraryLesson[] {
  const applied = new Map<string, Application[]>();
  for (const charter of charters) {
    for (const a of charter.data.lessonsApplied) {
      const key = `${a.project}/${a.lesson}`;
      applied.set(key, [...(applied.get(key) ?? []), { project: charter.id, how: a.how }]);
    }
  }
  return [...records]
    .sort((a, b) => a.id.localeCompare(b.id))
    .flatMap(({ id, data }) => {
      const project = id.split('/')[0]!;
      return data.lessons.map((lesson) => ({ ...lesson, project, record: id, appliedIn: applied.get(`${project}/${lesson.id}`) ?? [] }));
    });
}

/** The categories in use, in the order the schema lists them. */
export function lessonCategories(lessons: LibraryLesson[]): string[] {
  const order = ['planning', 'stakeholders', 'data', 'architecture', 'testing', 'providers', 'security', 'governance', 'budget', 'schedule'];
  const used = new Set(lessons.map((l) => l.category));
  return order.filter((c) => used.has(c as Lesson['category']));
}
