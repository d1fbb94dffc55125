import type { MedicalReviewFieldsFragment } from "@/graphql/generated/graphql";
import { dictionaryFor, formatDate } from "@/i18n/dictionaries";

export function MedicalReviewBox({ review, ui }: { review: MedicalReviewFieldsFragment; ui: string }) {
  if (!review.reviewedBy && !review.lastReviewed) return null;
  const dict = dictionaryFor(ui);
  return (
    <aside className="medical-review" aria-labelledby="medical-review-heading">
      <h2 id="medical-review-heading">{dict.medicalReview}</h2>
      <dl>
        {review.reviewedBy ? (
          <>
            <dt>{dict.reviewedBy}</dt>
            <dd>
              {review.reviewedBy}
              {review.credentials ? <span className="credentials">, {review.credentials}</span> : null}
            </dd>
          </>
        ) : null}
        {review.lastReviewed ? (
          <>
            <dt>{dict.lastReviewed}</dt>
            <dd>
              <time dateTime={review.lastReviewed}>{formatDate(review.lastReviewed, ui)}</time>
            </dd>
          </>
        ) : null}
        {review.nextReviewDue ? (
          <>
            <dt>{dict.nextReview}</dt>
            <dd>
              <time dateTime={review.nextReviewDue}>{formatDate(review.nextReviewDue, ui)}</time>
            </dd>
          </>
        ) : null}
      </dl>
      {review.isOverdue ? <p className="review-overdue">{dict.reviewOverdue}</p> : null}
    </aside>
  );
}
